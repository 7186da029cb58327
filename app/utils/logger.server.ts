import pino, { type Logger } from 'pino'

export type { Logger }

// One JSON line per event. Anything that could carry a secret or a respondent's words is removed
// before it is written, wherever it sits in the object.
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'inclusion-in-practice' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'cookie',
        '*.cookie',
        'headers.cookie',
        'answers',
        '*.answers',
      ],
      remove: true,
    },
  })
}
