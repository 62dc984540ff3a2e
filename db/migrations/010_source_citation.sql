-- Pledgewatch schema version 9: a source's bibliographic record, as one CSL JSON item (the Citation
-- Style Language's data format, which Zotero exports): its authors, its item type (report, web page,
-- government document …), identifiers (DOI, report number) and container. Reports format citations
-- from it in the analyst's chosen style, and the evidence of a report goes back to a reference
-- manager with it. NULL for a source pasted or read from an article file: its citation is then made
-- from the title, publisher, date and URL alone. The columns the app already has stay authoritative
-- for those four (they are what the analyst edits); this item holds the rest.
ALTER TABLE source ADD COLUMN csl TEXT CHECK (csl IS NULL OR (json_valid(csl) AND json_type(csl) = 'object'));
