import type { AppContext } from '../../app-context';
import { exportDatabase, exportRecords } from '../../export/export-service';
import { importHistory, saveImportTemplate, undoImport } from '../../services/import-service';
import type { HandlerMap } from '../registry';
import { announceChange, openDatabaseFor } from './open-database';

type ImportHandlers = Pick<
  HandlerMap,
  | 'import:open'
  | 'import:dryRun'
  | 'import:rows'
  | 'import:run'
  | 'import:cancel'
  | 'import:saveSkipped'
  | 'import:close'
  | 'import:history'
  | 'import:undo'
  | 'import:saveTemplate'
  | 'import:suggest'
  | 'export:records'
  | 'export:database'
>;

/** The import wizard and exports; progress goes out as `task:progress` events named by the session. */
export function importHandlers(context: AppContext): ImportHandlers {
  const { imports } = context;
  const progress = (taskId: string, total: number | null) => (report: { phase: string; done: number }) => {
    // A long import is user activity: don't let the idle lock close the file under it.
    context.idleLock.touch();
    context.events.emit('task:progress', { taskId, phase: report.phase, done: report.done, total });
  };
  return {
    'import:open': (request) => imports.open(openDatabaseFor(context).db, request),
    'import:dryRun': ({ sessionId, setup }) => {
      const { db, env } = openDatabaseFor(context);
      return imports.dryRun(db, sessionId, setup, env, progress(sessionId, null));
    },
    'import:rows': ({ sessionId, filter, offset, limit }) => imports.rows(sessionId, filter, offset, limit),
    'import:run': async ({ sessionId, setup }) => {
      const { db, env } = openDatabaseFor(context);
      const report = await imports.run(db, sessionId, setup, env, progress(sessionId, imports.rowCount(sessionId)));
      announceChange(context, 'people', 'companies', 'imports', 'customFields', 'users', 'tags');
      return report;
    },
    'import:cancel': ({ sessionId }) => {
      imports.cancel(sessionId);
      return null;
    },
    'import:saveSkipped': async (request) => ({
      ...(await imports.saveSkippedRows(request.sessionId, request)),
      path: request.path,
    }),
    'import:close': ({ sessionId }) => {
      imports.close(sessionId);
      return null;
    },
    'import:history': () => importHistory(openDatabaseFor(context).db),
    'import:undo': async (request) => {
      const { db, env } = openDatabaseFor(context);
      const result = await undoImport(db, request, env);
      if (!request.check) announceChange(context, 'people', 'companies', 'imports');
      return result;
    },
    'import:saveTemplate': (request) => {
      const { db, env } = openDatabaseFor(context);
      return saveImportTemplate(db, request, env);
    },
    'import:suggest': (request) => imports.suggest(openDatabaseFor(context).db, request),
    'export:records': async (request) => {
      const { db, env } = openDatabaseFor(context);
      return { ...(await exportRecords(db, request, env)), path: request.path };
    },
    'export:database': async (request) => ({
      ...(await exportDatabase(openDatabaseFor(context).db, request)),
      path: request.path,
    }),
  };
}
