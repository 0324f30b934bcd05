import { AppError } from '../../shared/errors';
import { isChannel, type Channel } from '../../shared/ipc/channels';
import { contract, type ChannelOutput, type ChannelParsedInput } from '../../shared/ipc/contract';
import { fail, ok, type IpcResult } from '../../shared/ipc/result';
import { knownFailure } from '../db/sqlite-errors';

export type Handler<C extends Channel> = (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

/** One handler per channel: a channel without a handler fails typecheck. */
export type HandlerMap = { [C in Channel]: Handler<C> };

export type Dispatch = (channel: string, input: unknown) => Promise<IpcResult<unknown>>;

export type DispatchOptions = {
  /** Called before every valid call, e.g. to count it as user activity. */
  onCall?: (channel: Channel) => void;
  logError?: (error: unknown, channel: string) => void;
};

/**
 * The boundary every transport goes through: input parsed from `unknown`, output parsed so
 * stray fields never leave main, errors turned into data. Unexpected errors become `Internal`.
 */
export function createDispatch(handlers: HandlerMap, options: DispatchOptions = {}): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) {
      return fail({ code: 'InvalidInput', message: `Unknown channel: ${channel}` });
    }
    const schemas = contract[channel];
    const parsed = schemas.input.safeParse(input ?? {});
    if (!parsed.success) {
      return fail({
        code: 'InvalidInput',
        message: parsed.error.issues
          .map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`)
          .join('; '),
        details: { issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), code: issue.code })) },
      });
    }
    options.onCall?.(channel);
    try {
      const handler = handlers[channel] as (value: unknown) => unknown;
      const value = await handler(parsed.data);
      return ok(schemas.output.parse(value));
    } catch (error) {
      const known = knownFailure(error);
      if (known) return fail(known.toJSON());
      options.logError?.(error, channel);
      return fail(new AppError('Internal', 'Something went wrong; the details are in the log').toJSON());
    }
  };
}
