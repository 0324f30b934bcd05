/**
 * What SQLite really stores, table by table. Later aggregates add their tables here
 * (one `XTable` per table) as their migrations land.
 */
export type AppMetaTable = {
  key: string;
  value: string;
};

export type Database = {
  app_meta: AppMetaTable;
};
