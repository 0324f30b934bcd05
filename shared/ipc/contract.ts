import { z } from 'zod';
import type { Channel } from './channels';
import {
  BackupResult,
  ChangePassphraseRequest,
  CreateDatabaseRequest,
  DatabaseInfo,
  DatabaseStatus,
  FilePath,
  UnlockDatabaseRequest,
} from '../domain/database';
import { Settings, SettingsPatch } from '../domain/settings';
import { Activity, ActivityInput } from '../domain/activities';
import { RecordId, Version } from '../domain/common';
import { Company, CompanyInput } from '../domain/companies';
import { CustomFieldDefinition, CustomFieldDefinitionInput, CustomFieldEntity } from '../domain/custom-fields';
import { Person, PersonInput } from '../domain/people';
import { CountResult, ListFilter, ListPageQuery } from '../domain/list-query';
import { PersonListPage } from '../domain/people-list';
import { CompanyListPage } from '../domain/companies-list';
import { BulkRequest, BulkResult } from '../domain/bulk';
import {
  DuplicateGroup,
  FindDuplicatesQuery,
  MergeExactRequest,
  MergeRecord,
  MergeRequest,
  UnmergeRequest,
} from '../domain/duplicates';
import { EraseRequest, PersonalDataExport } from '../domain/privacy';
import { SavedView, SavedViewInput, ViewCount, ViewEntity } from '../domain/saved-views';
import { SearchQuery, SearchResult } from '../domain/search';
import { TimelinePage, TimelineQuery } from '../domain/timeline';
import { User, UserInput } from '../domain/users';
import {
  DatabaseExportRequest,
  DryRunResult,
  DryRunRows,
  DryRunRowsQuery,
  ExportRequest,
  ExportResult,
  ImportFile,
  ImportFileRequest,
  ImportHistoryItem,
  ImportReport,
  ImportSetup,
  Language,
  SaveSkippedRequest,
  SaveTemplateRequest,
  SuggestColumnsRequest,
  SuggestColumnsResult,
  UndoImportRequest,
  UndoImportResult,
} from '../domain/imports';

const Empty = z.object({}).strict();
const Done = z.null();
const PickedPath = z.object({ path: z.string().nullable() });
const ById = z.object({ id: RecordId });
const ByIds = z.object({ ids: z.array(RecordId).min(1).max(100_000) });
const ChangedIds = z.object({ ids: z.array(RecordId) });
/** An edit names the version it started from; a newer one on disk is a Conflict. */
const Edit = <T extends z.ZodType>(values: T) => z.object({ id: RecordId, version: Version, values });

export const HostKind = z.enum(['electron', 'browser']);
export type HostKind = z.infer<typeof HostKind>;

export const AppInfo = z.object({
  version: z.string(),
  host: HostKind,
  platform: z.string(),
  /** False in the browser host: the renderer then asks for a path in a text field. */
  nativeDialogs: z.boolean(),
  /** True only where the OS keychain really protects the secret (never Linux `basic_text`). */
  canRememberPassphrase: z.boolean(),
  defaultDatabaseFolder: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Every request channel with its input and output schema: the one API of the app. */
export const contract = {
  'app:info': { input: Empty, output: AppInfo },
  'app:reportActivity': { input: Empty, output: Done },
  'settings:get': { input: Empty, output: Settings },
  'settings:update': { input: SettingsPatch, output: Settings },
  'settings:forgetRecent': { input: z.object({ path: FilePath }), output: Settings },
  'database:status': { input: Empty, output: DatabaseStatus },
  'database:create': { input: CreateDatabaseRequest, output: DatabaseStatus },
  'database:unlock': { input: UnlockDatabaseRequest, output: DatabaseStatus },
  'database:unlockRemembered': { input: z.object({ path: FilePath }), output: DatabaseStatus },
  'database:lock': { input: Empty, output: DatabaseStatus },
  'database:close': { input: Empty, output: DatabaseStatus },
  'database:info': { input: Empty, output: DatabaseInfo },
  'database:changePassphrase': { input: ChangePassphraseRequest, output: Done },
  'database:backup': { input: Empty, output: BackupResult },
  'dialogs:chooseNewDatabasePath': { input: z.object({ suggestedName: z.string() }), output: PickedPath },
  'dialogs:chooseExistingDatabase': { input: Empty, output: PickedPath },
  'dialogs:chooseFolder': { input: Empty, output: PickedPath },
  'dialogs:chooseImportFile': { input: Empty, output: PickedPath },
  'dialogs:chooseExportPath': {
    input: z.object({ suggestedName: z.string().max(200), extension: z.enum(['xlsx', 'csv']) }),
    output: PickedPath,
  },
  'people:list': { input: ListPageQuery, output: PersonListPage },
  'people:count': { input: z.object({ filter: ListFilter }), output: CountResult },
  'people:get': { input: ById, output: Person },
  'people:create': { input: PersonInput, output: Person },
  'people:update': { input: Edit(PersonInput), output: Person },
  'people:trash': { input: ByIds, output: ChangedIds },
  'people:restore': { input: ByIds, output: ChangedIds },
  'people:bulk': { input: BulkRequest, output: BulkResult },
  // The language names the file ("— данные" / "— data").
  'people:exportData': { input: ById.extend({ language: Language.default('ru') }), output: PersonalDataExport },
  'people:erase': { input: EraseRequest, output: Done },
  'people:merge': { input: MergeRequest, output: z.object({ mergeId: RecordId, person: Person }) },
  'people:unmerge': { input: UnmergeRequest, output: Person },
  'people:merges': { input: z.object({ personId: RecordId }), output: z.array(MergeRecord) },
  'duplicates:find': { input: FindDuplicatesQuery, output: z.object({ groups: z.array(DuplicateGroup) }) },
  'duplicates:mergeExact': { input: MergeExactRequest, output: z.object({ merged: z.number().int().nonnegative() }) },
  'companies:list': { input: ListPageQuery, output: CompanyListPage },
  'companies:count': { input: z.object({ filter: ListFilter }), output: CountResult },
  'companies:get': { input: ById, output: Company },
  'companies:create': { input: CompanyInput, output: Company },
  'companies:update': { input: Edit(CompanyInput), output: Company },
  'companies:trash': { input: ByIds, output: ChangedIds },
  'companies:restore': { input: ByIds, output: ChangedIds },
  'companies:bulk': { input: BulkRequest, output: BulkResult },
  'companies:merge': { input: MergeRequest, output: z.object({ mergeId: RecordId, company: Company }) },
  'companies:unmerge': { input: UnmergeRequest, output: Company },
  'companies:merges': { input: z.object({ companyId: RecordId }), output: z.array(MergeRecord) },
  'activities:log': { input: ActivityInput, output: Activity },
  'activities:update': { input: Edit(ActivityInput), output: Activity },
  'activities:delete': { input: ById, output: Done },
  'activities:timeline': { input: TimelineQuery, output: TimelinePage },
  'search:query': { input: SearchQuery, output: SearchResult },
  'views:list': { input: z.object({ entity: ViewEntity }), output: z.array(SavedView) },
  'views:counts': { input: z.object({ entity: ViewEntity }), output: z.array(ViewCount) },
  'views:create': { input: SavedViewInput, output: SavedView },
  'views:update': { input: Edit(SavedViewInput), output: SavedView },
  'views:delete': { input: ById, output: Done },
  'users:list': { input: Empty, output: z.array(User) },
  'users:create': { input: UserInput, output: User },
  'tags:list': { input: Empty, output: z.array(z.object({ id: RecordId, name: z.string() })) },
  'customFields:list': { input: z.object({ entity: CustomFieldEntity }), output: z.array(CustomFieldDefinition) },
  'customFields:create': { input: CustomFieldDefinitionInput, output: CustomFieldDefinition },
  'customFields:update': {
    // Options as stored: a field may hold some from before today's limits (the service checks new ones).
    input: z.object({
      id: RecordId,
      label: CustomFieldDefinitionInput.shape.label,
      options: z.array(z.string().trim().min(1).max(10_000)).max(10_000),
    }),
    output: CustomFieldDefinition,
  },
  'customFields:archive': { input: ById, output: Done },
  /** The saved views that archiving this field would change. */
  'customFields:viewsUsing': { input: ById, output: z.array(SavedView) },
  'import:open': { input: ImportFileRequest, output: ImportFile },
  'import:dryRun': { input: z.object({ sessionId: z.string(), setup: ImportSetup }), output: DryRunResult },
  'import:rows': { input: DryRunRowsQuery, output: DryRunRows },
  'import:run': { input: z.object({ sessionId: z.string(), setup: ImportSetup }), output: ImportReport },
  'import:cancel': { input: z.object({ sessionId: z.string() }), output: Done },
  'import:saveSkipped': { input: SaveSkippedRequest, output: ExportResult },
  'import:close': { input: z.object({ sessionId: z.string() }), output: Done },
  'import:history': { input: Empty, output: z.array(ImportHistoryItem) },
  'import:undo': { input: UndoImportRequest, output: UndoImportResult },
  'import:saveTemplate': { input: SaveTemplateRequest, output: z.object({ id: RecordId }) },
  'import:suggest': { input: SuggestColumnsRequest, output: SuggestColumnsResult },
  'export:records': { input: ExportRequest, output: ExportResult },
  'export:database': { input: DatabaseExportRequest, output: ExportResult },
} as const satisfies { [C in Channel]: { input: z.ZodType; output: z.ZodType } };

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
