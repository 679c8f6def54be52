"""The learned layer: rules propose, small models trained on annotated articles decide.

`candidates` turns a document and the rule engine's extraction into organization and partner-pair
candidates with named features; `linear` scores them with weight tables in plain Python;
`decide` keeps, drops and adds items by those scores; `modelfile` reads and writes a model folder;
`gold` reads annotated articles; `scoring` measures output against them; `train` (needs the
`train` extra, scikit-learn) fits the weight tables.
"""
