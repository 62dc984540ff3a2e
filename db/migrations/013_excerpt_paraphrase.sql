-- An excerpt is either the source's own words, shown as a quotation, or a paraphrase: a span of a
-- summary (the analyst's, or the sample's, written for it) that says what the original said in other
-- words, shown as such wherever evidence is shown and exported, never in quotation marks.
ALTER TABLE excerpt ADD COLUMN paraphrase INTEGER NOT NULL DEFAULT 0 CHECK (paraphrase IN (0, 1));

-- The sample dossier loaded by an earlier version: the spans of its summaries that quote no one.
UPDATE excerpt SET paraphrase = 1
 WHERE speaker = ''
   AND source_id IN (SELECT id FROM source WHERE full_text LIKE 'Pledgewatch summary of %');
