// Types for the two winkjs packages the tag suggester uses; neither ships its own.

declare module 'wink-porter2-stemmer' {
  /** The Porter2 (English) stem of one lower-case word. */
  export default function stem(word: string): string
}

declare module 'wink-naive-bayes-text-classifier' {
  export interface NaiveBayesTextClassifier {
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean
    definePrepTasks(tasks: ((input: unknown) => unknown)[]): number
    learn(input: string[], label: string): boolean
    consolidate(): boolean
    /** log2 odds of each label against the rest, highest first. */
    computeOdds(input: string[]): [string, number][]
    predict(input: string[]): string
    exportJSON(): string
    importJSON(json: string): boolean
    reset(): boolean
  }
  export default function naiveBayesTextClassifier(): NaiveBayesTextClassifier
}
