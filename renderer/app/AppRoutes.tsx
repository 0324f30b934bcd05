import { Route, Switch } from 'wouter';
import { CompaniesListPage } from '../features/companies/CompaniesListPage';
import { CompanyFormPage } from '../features/companies/CompanyFormPage';
import { CompanyMergePage } from '../features/companies/CompanyMergePage';
import { CompanyPage } from '../features/companies/CompanyPage';
import { ImportHistoryPage } from '../features/import-history/ImportHistoryPage';
import { ImportWizardPage } from '../features/import/ImportWizardPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { DuplicatesPage } from '../features/duplicates/DuplicatesPage';
import { MergePage } from '../features/people/MergePage';
import { PeopleListPage } from '../features/people/PeopleListPage';
import { PersonFormPage } from '../features/people/PersonFormPage';
import { PersonPage } from '../features/people/PersonPage';
import { SettingsPage } from '../features/settings/SettingsPage';

const id = (params: { id?: string }) => Number(params.id);

/** Every screen of an open database, addressed by the hash (#/people/42): Back and links work. */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/people" component={PeopleListPage} />
      <Route path="/people/duplicates">{() => <DuplicatesPage key="person" entity="person" />}</Route>
      <Route path="/people/merge/:a/:b">
        {(params) => (
          <MergePage key={`${params.a}/${params.b}`} survivorId={Number(params.a)} mergedId={Number(params.b)} />
        )}
      </Route>
      <Route path="/people/new">{() => <PersonFormPage personId={null} />}</Route>
      <Route path="/people/:id/edit">{(params) => <PersonFormPage key={params.id} personId={id(params)} />}</Route>
      <Route path="/people/:id">{(params) => <PersonPage key={params.id} personId={id(params)} />}</Route>
      <Route path="/companies" component={CompaniesListPage} />
      <Route path="/companies/duplicates">{() => <DuplicatesPage key="company" entity="company" />}</Route>
      <Route path="/companies/merge/:a/:b">
        {(params) => (
          <CompanyMergePage key={`${params.a}/${params.b}`} survivorId={Number(params.a)} mergedId={Number(params.b)} />
        )}
      </Route>
      <Route path="/companies/new">{() => <CompanyFormPage companyId={null} />}</Route>
      <Route path="/companies/:id/new-person">
        {(params) => <PersonFormPage key={`in-${params.id}`} personId={null} companyId={id(params)} />}
      </Route>
      <Route path="/companies/:id/edit">{(params) => <CompanyFormPage key={params.id} companyId={id(params)} />}</Route>
      <Route path="/companies/:id">{(params) => <CompanyPage key={params.id} companyId={id(params)} />}</Route>
      <Route path="/import" component={ImportWizardPage} />
      <Route path="/import/history" component={ImportHistoryPage} />
      <Route path="/settings" component={SettingsPage} />
      <Route component={OverviewPage} />
    </Switch>
  );
}
