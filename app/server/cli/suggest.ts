import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { withServices } from '../services'
import { getEnv } from '../../utils/env.server'
import { suggestForText } from '../../suggestions/suggestions.server'

// `npm run suggest -- --text "…"` (or `--file answer.txt`, and `--organisation trust`): the tags
// the platform would suggest for a text, as JSON, from the running platform's newest model and
// its published case studies. Records nothing and tags nothing.
const { values } = parseArgs({
  options: {
    text: { type: 'string' },
    file: { type: 'string' },
    organisation: { type: 'string' },
  },
})
const text = values.text ?? (values.file ? await readFile(values.file, 'utf8') : '')
if (!text.trim()) {
  console.error('Give the text to suggest tags for: --text "…" or --file path/to/text.txt')
  process.exit(2)
}

await withServices(getEnv(), async ({ db, search }) => {
  const made = await suggestForText(db, search, {
    text,
    organisationKind: values.organisation ?? null,
    title: text.split('\n')[0],
  })
  console.log(
    JSON.stringify(
      {
        model: made.modelVersion,
        suggestions: made.suggestions.map((s) => ({
          scheme: s.scheme,
          code: s.code,
          confidence: s.confidence,
          score: s.score,
          reason: s.reason,
        })),
        nearest: made.nearest,
      },
      null,
      2,
    ),
  )
})
