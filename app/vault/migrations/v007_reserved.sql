-- Schema 7 is reserved for the consent gate's migration, numbered before this branch's
-- schema 8 so that migration numbers stay contiguous; it changes nothing by itself.
SELECT 1;
