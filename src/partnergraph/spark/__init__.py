"""partnergraph on Apache Spark: the same extraction over inputs on any Hadoop path.

`job.run_job` (the only module that imports pyspark) reads files as bytes on the executors,
runs `partition.extract_partition` on each partition (the backend loaded once per executor
process) and writes Parquet tables partitioned by publication month. `rows` turns one
extraction into the tables' rows; it and `partition` are plain Python, tested without Spark.
Run it with `partnergraph spark INPUT... --output DIR`, or `spark-submit ENTRY INPUT... --output
DIR` where ENTRY is this package's `__main__.py` (see docs/spark.md).
"""
