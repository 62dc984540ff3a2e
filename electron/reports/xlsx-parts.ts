// The fixed parts of the workbook's package (content types, relationships, workbook, styles, document
// properties) and the XML around each worksheet's rows: frozen header, widths, autofilter, printing.
import { escapeXml } from './xlsx-cells.ts';

const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const packageRelationships = 'http://schemas.openxmlformats.org/package/2006/relationships';
const contentType = 'application/vnd.openxmlformats-officedocument';

const attribute = (text: string) => escapeXml(text).replaceAll('"', '&quot;');

/** Worksheet n (from 1) is xl/worksheets/sheet{n}.xml; its relationship is rId{n}. */
export const worksheetPart = (n: number) => `xl/worksheets/sheet${n}.xml`;
export const sharedStringsPart = 'xl/sharedStrings.xml';

export function contentTypes(sheets: number): string {
  const overrides = [
    ['/xl/workbook.xml', `${contentType}.spreadsheetml.sheet.main+xml`],
    ...Array.from({ length: sheets }, (_, index) => [
      `/${worksheetPart(index + 1)}`,
      `${contentType}.spreadsheetml.worksheet+xml`,
    ]),
    ['/xl/styles.xml', `${contentType}.spreadsheetml.styles+xml`],
    [`/${sharedStringsPart}`, `${contentType}.spreadsheetml.sharedStrings+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', `${contentType}.extended-properties+xml`],
  ];
  return (
    `${declaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    '</Types>'
  );
}

export const packageRels =
  `${declaration}<Relationships xmlns="${packageRelationships}">` +
  `<Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${packageRelationships}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${relationships}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

export function workbookRels(sheets: number): string {
  const worksheets = Array.from(
    { length: sheets },
    (_, index) =>
      `<Relationship Id="rId${index + 1}" Type="${relationships}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
  );
  return (
    `${declaration}<Relationships xmlns="${packageRelationships}">${worksheets.join('')}` +
    `<Relationship Id="rId${sheets + 1}" Type="${relationships}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheets + 2}" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>'
  );
}

/** A sheet's name, and the last column of its autofilter when it has one ("R" for A1:R1). */
export interface SheetEntry {
  name: string;
  filterTo?: string;
}

/** Sheet names are quoted in references when they hold anything but letters, digits and underscores. */
const quotedName = (name: string) => (/^[A-Za-z_]\w*$/.test(name) ? name : `'${name.replaceAll("'", "''")}'`);

export function workbook(sheets: SheetEntry[]): string {
  // Excel keeps each autofilter's range as this hidden name too, and repairs a file without it.
  const filters = sheets.flatMap((sheet, index) =>
    sheet.filterTo
      ? [
          `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">` +
            `${escapeXml(quotedName(sheet.name))}!$A$1:$${sheet.filterTo}$1</definedName>`,
        ]
      : [],
  );
  return (
    `${declaration}<workbook xmlns="${main}" xmlns:r="${relationships}"><bookViews><workbookView/></bookViews><sheets>` +
    sheets
      .map(
        (sheet, index) =>
          `<sheet name="${attribute(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
      )
      .join('') +
    `</sheets>${filters.length > 0 ? `<definedNames>${filters.join('')}</definedNames>` : ''}</workbook>`
  );
}

/**
 * The styles of xlsx-cells.ts's cellStyle, in its order: plain; day; moment; header (bold on grey);
 * the About sheet's labels (bold), values (left-aligned), and its day and moment values. The body font
 * is named, and so is the bold one: it keeps LibreOffice from falling back to a serif.
 */
export const styles =
  `${declaration}<styleSheet xmlns="${main}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE5E7EB"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="8">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="left"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="left"/></xf>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="left"/></xf>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

export function coreProperties(created: Date): string {
  const moment = `${created.toISOString().slice(0, 19)}Z`;
  return (
    `${declaration}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Pledgewatch</dc:creator>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${moment}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${moment}</dcterms:modified></cp:coreProperties>`
  );
}

export const appProperties =
  `${declaration}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
  '<Application>Pledgewatch</Application></Properties>';

/** How a worksheet looks before its first row is read. */
export interface SheetLayout {
  /** Each column's width, in characters. */
  widths: number[];
  /** The first row is a header: frozen, with an autofilter over its columns. */
  header: boolean;
}

/** Printed, a sheet is as wide as the page and as long as it needs. */
const printed =
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>';

export function sheetStart(layout: SheetLayout): string {
  const frozen = layout.header
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const columns = layout.widths
    .map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`)
    .join('');
  return (
    `${declaration}<worksheet xmlns="${main}" xmlns:r="${relationships}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `${frozen}<sheetFormatPr defaultRowHeight="15"/><cols>${columns}</cols><sheetData>`
  );
}

/** `filterTo`: the header's last column, when the sheet has an autofilter. */
export function sheetEnd(filterTo?: string): string {
  return `</sheetData>${filterTo ? `<autoFilter ref="A1:${filterTo}1"/>` : ''}${printed}</worksheet>`;
}

export function sharedStringsStart(count: number): string {
  return `${declaration}<sst xmlns="${main}" count="${count}" uniqueCount="${count}">`;
}

export const sharedStringsEnd = '</sst>';
