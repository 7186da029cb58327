import type { MetaFunction } from '@remix-run/node'
import { ContentPage } from '~/components/content-page'

export const meta: MetaFunction = () => [{ title: 'Privacy notice - Inclusion in Practice' }]

export default function Privacy() {
  return (
    <ContentPage title="Privacy notice">
      <p className="govuk-body">
        This notice explains what Inclusion in Practice does with personal data when you respond to
        a call for evidence, search the practice library or work on the service.
      </p>
      <h2 className="govuk-heading-m">What we collect when you respond</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          your name, role and work email address, so that we can send you a receipt and, if you
          agree, contact you about your response
        </li>
        <li>
          the organisation you respond for, taken from the national schools register where it is a
          school
        </li>
        <li>your answers about your practice and its impact</li>
      </ul>
      <h2 className="govuk-heading-m">What we publish</h2>
      <p className="govuk-body">
        Moderators turn responses into case studies for the practice library. Before anything is
        published they remove personal details: names of pupils, parents and staff, pupil
        identifiers such as UPNs, ULNs and NHS numbers, dates of birth, addresses and anything else
        that could identify a child. Your organisation is named only if you agree. Your contact
        details are never published or added to the search index.
      </p>
      <h2 className="govuk-heading-m">Do not include children’s personal data</h2>
      <p className="govuk-body">
        Describe pupils by their role, for example ‘a Year 8 pupil’. Information about a child’s
        special educational needs or disability is special category data and needs the highest
        protection.
      </p>
      <h2 className="govuk-heading-m">How long we keep it</h2>
      <p className="govuk-body">
        Responses are kept for as long as they are needed to inform national SEND policy and to run
        the library, then deleted or anonymised. You can ask to see, correct or delete the personal
        data we hold about you.
      </p>
      <h2 className="govuk-heading-m">If you agree to follow-up emails</h2>
      <p className="govuk-body">
        If you tick the box on the consent page, we email you 6 and 12 months after your case study
        is first published to ask how the practice is going. Each email has a link that works once,
        for 60 days, and one reminder after 14 days. A moderator may publish what you tell us as a
        new version of your case study; earlier versions stay in the library.
      </p>
      <p className="govuk-body">
        Usually we delete your name, role and email address a set time after the call for evidence
        closes. If you agreed to follow-up emails, we keep them until your last follow-up has been
        answered or its link has expired, then delete them in the same way. If you did not agree, we
        never send you follow-up emails.
      </p>
      <h2 className="govuk-heading-m">If you work on the service</h2>
      <p className="govuk-body">
        We keep staff names, email addresses, roles and a record of the decisions you make, so that
        every moderation decision can be traced.
      </p>
    </ContentPage>
  )
}
