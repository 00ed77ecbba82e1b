/** The message a promise that must fail (a provider's connect, say) rejects with; throws when it does not fail. */
export async function failureReason(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('it did not fail');
}
