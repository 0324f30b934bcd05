import type { AppContext } from '../../app-context';
import type { AppDb } from '../../db/kysely';
import type { ServiceEnv } from '../../services/service-env';

/** The open database and the service environment for one call; DatabaseNotOpen when locked. */
export function openDatabaseFor(context: AppContext): { db: AppDb; env: ServiceEnv } {
  return {
    db: context.session.requireOpen().db,
    env: { now: () => new Date(), defaultCountry: context.environment.settings.read().defaultCountry },
  };
}

/** Tells every window which aggregates changed, so cached lists refetch. */
export function announceChange(context: AppContext, ...entities: string[]): void {
  context.events.emit('data:changed', { entities });
}
