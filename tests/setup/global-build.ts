import { ensureBuild } from '../../app/server/build'

/** The fault tests run the production build, as `npm start` does; built once, before them. */
export default async function setup() {
  await ensureBuild((message) => console.log(message))
}
