/** What services need from outside the database: the clock and the default phone country. */
export type ServiceEnv = {
  now: () => Date;
  /** ISO 3166 code used to read national phone numbers ("8 916 …" in RU). */
  defaultCountry: string;
};
