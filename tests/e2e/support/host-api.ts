import type { Page } from '@playwright/test';

/**
 * Calls a contract channel over the browser host's API, as a second computer or a setup step
 * would, with the page's own launch token.
 */
export async function invokeHost<T = Record<string, unknown>>(page: Page, channel: string, input: unknown): Promise<T> {
  const token = await page.evaluate(() => sessionStorage.getItem('kartoteka.hostToken') ?? '');
  const response = await page.request.post(new URL(`/api/invoke/${channel}`, page.url()).href, {
    headers: { 'x-kartoteka-token': token },
    data: input,
  });
  const result = (await response.json()) as { ok: boolean; value: T };
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}
