import { createContext, useContext, type ReactNode } from 'react'

// The Content-Security-Policy nonce of this response, for the few scripts Remix writes inline.
// Browsers hide a nonce from the page once it is parsed, so in the browser this is empty.
const NonceContext = createContext('')

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>
}

export function useNonce(): string {
  return useContext(NonceContext)
}
