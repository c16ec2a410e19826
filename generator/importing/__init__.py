"""`python -m generator import`: bring a town's existing listings into content/ as YAML files.

Pipeline: a *source* (`ical_source`, `csv_source`) reads one file into neutral
`ImportedRecord`s (content keys, raw place and organiser names); `resolve` matches places and
organisers to the project's venues and clubs; `store` turns records into files with stable ids,
skips files edited by hand since the last import and writes everything at once or nothing;
`summary` prints the German report.
"""
