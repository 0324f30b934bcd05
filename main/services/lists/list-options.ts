/** What list queries need besides the query itself. */
export type ListOptions = {
  /** Reads national phone numbers typed into a phone filter ("8 916 …" in RU). */
  defaultCountry: string;
};
