/** The name of the error a call rejects with, or 'ok' when it succeeds: an AWS error's shape name. */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return (error as Error).name;
  }
}
