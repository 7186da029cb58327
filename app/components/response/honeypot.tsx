/**
 * A field people never see (hidden from sight and from assistive technology) that simple bots
 * fill in. Not `type="hidden"`, which bots know to skip.
 */
export function Honeypot() {
  return (
    <div className="app-honeypot" aria-hidden="true">
      <label htmlFor="website">Leave this field empty</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  )
}
