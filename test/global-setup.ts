// End-to-end tests run the shipped bin, which runs dist/: build it from the current sources first.
export default async function setup(): Promise<void> {
  await import('../scripts/build.js');
}
