/** A GOV.UK Notify key and template of the right shapes, for configurations that need them. */
export const notifyTestEnv = {
  NOTIFY_API_KEY: 'test-11111111-2222-3333-4444-555555555555-66666666-7777-8888-9999-000000000000',
  NOTIFY_TEMPLATE_ID: '0f6f2b0a-6c0e-4f2d-9d3e-1a2b3c4d5e6f',
}
