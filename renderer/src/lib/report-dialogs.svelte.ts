// Which of the report and import dialogs is open, and with what: opened from the list, the top bar or the
// palette, shown once by the app shell. `imported` goes up after an import so pages reload what changed.
import { router } from './router.svelte.ts';
import { scopeOfList, type ReportScope } from './report-scope.ts';

class ReportDialogs {
  /** The scope the report dialog opened with; null while it is closed. */
  report = $state<ReportScope | null>(null);
  /** Open while not null; `file` is one dropped onto the list, to plan at once. */
  importing = $state<{ file: File | null } | null>(null);
  /** Goes up after every import written: the list reads it in its load effect. */
  imported = $state(0);

  /** A report of the list's current filters, or of everything away from the list. */
  openReport(scope?: ReportScope): void {
    const route = router.route;
    this.report = scope ?? scopeOfList(route.name === 'list' ? route.query : null);
  }

  openImport(file: File | null = null): void {
    this.importing = { file };
  }
}

export const reportDialogs = new ReportDialogs();
