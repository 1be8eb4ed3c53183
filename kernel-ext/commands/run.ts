/** Placeholder until the owner of `dslab run` lands it; fails loudly rather than pretending. */
export async function runCommand(_args: string[]): Promise<number> {
  throw new Error("dslab run is not built yet");
}
