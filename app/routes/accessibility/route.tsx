import type { MetaFunction } from '@remix-run/node'
import { ContentPage } from '~/components/content-page'

export const meta: MetaFunction = () => [
  { title: 'Accessibility statement - Inclusion in Practice' },
]

export default function Accessibility() {
  return (
    <ContentPage title="Accessibility statement for Inclusion in Practice">
      <p className="govuk-body">
        We want as many people as possible to be able to use this service. You should be able to
        change colours, contrast levels and fonts using your browser or device settings, zoom in up
        to 400% without the text spilling off the screen, navigate the whole service using just a
        keyboard or speech recognition software, and listen to it using a screen reader.
      </p>
      <p className="govuk-body">Every page works without JavaScript.</p>
      <h2 className="govuk-heading-m">Compliance status</h2>
      <p className="govuk-body">
        The service is built to meet the Web Content Accessibility Guidelines version 2.2 AA
        standard. Every page is checked with an automated accessibility scan each time the code
        changes. Automated checks do not find every problem, and the service has not yet had a full
        manual audit, so it is partially compliant until that audit is done.
      </p>
      <h2 className="govuk-heading-m">Feedback and contact information</h2>
      <p className="govuk-body">
        If you find a problem or need information in a different format, use the{' '}
        <a className="govuk-link" href="/feedback">
          feedback page
        </a>
        .
      </p>
      <h2 className="govuk-heading-m">Enforcement procedure</h2>
      <p className="govuk-body">
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public
        Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If
        you are not happy with how we respond to your complaint, contact the Equality Advisory and
        Support Service (EASS).
      </p>
    </ContentPage>
  )
}
