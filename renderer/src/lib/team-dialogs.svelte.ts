// Which team dialog is open: sharing a dossier (opened from its row in reference data or the palette)
// or joining one a colleague shared (the palette, reference data, the first-run screen).
class TeamDialogs {
  /** Open while not null; the dossier chosen beforehand, or null to choose in the dialog. */
  sharing = $state<{ dossierId: number | null } | null>(null);
  joining = $state(false);

  openShare(dossierId: number | null = null): void {
    this.sharing = { dossierId };
  }

  openJoin(): void {
    this.joining = true;
  }
}

export const teamDialogs = new TeamDialogs();
