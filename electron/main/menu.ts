// The application menu: the usual roles and their accelerators, developer tools only in development.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

const isMac = process.platform === 'darwin';

function fileMenu(): MenuItemConstructorOptions {
  return { label: '&File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] };
}

function editMenu(): MenuItemConstructorOptions {
  return {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
}

function viewMenu(): MenuItemConstructorOptions {
  const developer: MenuItemConstructorOptions[] = app.isPackaged ? [] : [{ role: 'toggleDevTools' }];
  return {
    label: '&View',
    submenu: [
      { role: 'reload' },
      ...developer,
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

/** No links to the web here: the app makes no network requests of its own. */
function helpMenu(): MenuItemConstructorOptions {
  return { role: 'help', submenu: [{ role: 'about' }] };
}

export function buildMenuTemplate(): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    fileMenu(),
    editMenu(),
    viewMenu(),
    { role: 'windowMenu' },
    ...(isMac ? [] : [helpMenu()]),
  ];
}

export function installMenu(): void {
  app.setAboutPanelOptions({ applicationName: 'Pledgewatch', applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate()));
}
