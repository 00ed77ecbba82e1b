/** A command the Companion refuses, with a message for the agent (faces show it as it is). */
export class CompanionError extends Error {
  override readonly name = 'CompanionError';
}
