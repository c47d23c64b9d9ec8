"""The visitor's words as one tsquery in every configuration, without repeats.

A search matches its words stemmed in each language the network writes in, and
unstemmed: nine websearch_to_tsquery() OR'ed. Most of them are the same query
("procurement" stems to 'procurement' in eight of the nine), and PostgreSQL's
cost estimate of a GIN scan counts each repeat as a scan of its own (the scan
itself reads a word once): so the planner thought the vector's index nine times
dearer than it is, and checked the words row by row instead, reading each vector
from TOAST. p2i_any_language_query() ORs the distinct queries only, in the order
of the configurations; PostgreSQL evaluates it once, when it plans a statement
(immutable, constant arguments). What matches is unchanged, and so is ts_rank,
which counts a repeated word once.
"""

from django.db import migrations

FUNCTION = """
CREATE FUNCTION p2i_any_language_query(configs regconfig[], words text)
RETURNS tsquery LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  config regconfig;
  part tsquery;
  seen tsquery[] := '{}';
  result tsquery;
BEGIN
  FOREACH config IN ARRAY configs LOOP
    part := websearch_to_tsquery(config, words);
    IF numnode(part) > 0 AND NOT part = ANY (seen) THEN
      seen := seen || part;
      result := CASE WHEN result IS NULL THEN part ELSE result || part END;
    END IF;
  END LOOP;
  RETURN coalesce(result, websearch_to_tsquery(configs[1], words));
END
$$;
"""
DROP_FUNCTION = "DROP FUNCTION p2i_any_language_query(regconfig[], text);"


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0004_resource_phrase_vector"),
    ]

    operations = [migrations.RunSQL(FUNCTION, DROP_FUNCTION)]
