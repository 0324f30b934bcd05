import { z } from 'zod';
import type { EventName } from './channels';

export const MenuCommand = z.enum(['newDatabase', 'openDatabase', 'lock', 'settings']);
export type MenuCommand = z.infer<typeof MenuCommand>;

/** Main-to-renderer events, each with its payload schema. */
export const events = {
  'database:locked': z.object({ reason: z.enum(['user', 'idle']) }),
  /** Lets the renderer invalidate cached queries; `entities` names aggregates, e.g. "contacts". */
  'data:changed': z.object({ entities: z.array(z.string()) }),
  'task:progress': z.object({
    taskId: z.string(),
    phase: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative().nullable(),
  }),
  'menu:command': z.object({ command: MenuCommand }),
} as const satisfies { [E in EventName]: z.ZodType };

export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
