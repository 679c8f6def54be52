"""The Spark job: the only module that imports pyspark.

Inputs are read with Spark's `binaryFile` source (any Hadoop-compatible path: local, HDFS,
S3 through the user's Spark configuration; folders recursively), each partition runs
`partition.extract_files` on its executor, and the rows become Parquet tables partitioned by
publication month (`month=2023-03`, `month=undated`), plus `failures` (source, reason) and
`skipped` (reason, count). Raw HTML never leaves the executors: rows carry cleaned text.
The report says which Python worker processes ran the extraction and how many backends each
built (an accumulator): one per process when the cache works.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from partnergraph.errors import ConfigError
from partnergraph.spark import partition
from partnergraph.spark.partition import Root, Settings, extract_files, with_model_on_driver
from partnergraph.spark.rows import TABLES

# Column types per table (Spark DDL); the order is the Parquet column order.
SCHEMAS = {
    "documents": "id string, month string, url string, source string, lang string, title string, "
                 "published string, text string, backend string, backend_version string, "
                 "organizations int, people int, events int, warnings array<string>, "
                 "near_signature binary, extraction string, input_order string, position int",
    "organizations": "document_id string, month string, index int, name string, aliases array<string>, "
                     "kind string, confidence double",
    "people": "document_id string, month string, index int, name string, title string, org string, "
              "confidence double",
    "events": "document_id string, month string, index int, type string, date string, parties array<string>, "
              "location string, topics array<string>, entity string, confidence double",
    "evidence": "document_id string, month string, item string, index int, field string, start int, "
                "end int, quote string",
    "failures": "source string, reason string",
    "skipped": "reason string, count long",
}
def _article_glob() -> str:
    from partnergraph.sources import SUFFIX_FORMAT

    return "*{" + ",".join(sorted(SUFFIX_FORMAT) + [s.upper() for s in sorted(SUFFIX_FORMAT)]) + "}"


ARTICLE_GLOB = _article_glob()
PARTITIONED = ("documents", "organizations", "people", "events", "evidence")


@dataclass
class JobReport:
    counts: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    output: str = ""
    # "host:pid" of each Python worker that extracted documents → backends it built
    backend_loads: dict[str, int] = field(default_factory=dict)


def _loads_accumulator(sc):
    """An accumulator of {"host:pid": backends built}: each process reports its running total
    after a partition, so the largest value per process is its count."""
    from pyspark.accumulators import AccumulatorParam

    class Loads(AccumulatorParam):
        def zero(self, value):
            return {}

        def addInPlace(self, a, b):
            for worker, n in b.items():
                a[worker] = max(a.get(worker, 0), n)
            return a

    return sc.accumulator({}, Loads())


def _extract_counting(files, roots, settings, loads):
    """`extract_files` over one partition, then this process's backend loads into `loads`."""
    import os
    import socket

    yield from extract_files(files, roots, settings)
    if partition.backend_loads:
        loads.add({f"{socket.gethostname()}:{os.getpid()}": partition.backend_loads})


def require_pyspark() -> None:
    """A ConfigError saying how to get pyspark, when it is not installed."""
    try:
        import pyspark  # noqa: F401
    except ImportError as err:
        raise ConfigError("pyspark is not installed",
                          hint="install the spark extra: pip install 'partnergraph[spark]' (and Java 17+)") from err


def session(master: str | None = None, app_name: str = "partnergraph"):
    """A SparkSession: the one spark-submit configured, else a local one on `master`."""
    import os
    import sys

    from pyspark.sql import SparkSession

    # executors of a local master run this interpreter (with partnergraph installed), not
    # whatever `python3` is on the PATH; a cluster's own setting wins
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name).config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def resolve_roots(spark, inputs: list[str]) -> tuple[list[Root], list[str]]:
    """Each INPUT qualified through Hadoop's FileSystem (so "corpus" becomes
    "file:/home/u/corpus" and "s3a://b/x" stays itself), and the inputs that do not exist."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    roots, missing = [], []
    for given in inputs:
        path = jvm.org.apache.hadoop.fs.Path(given)
        fs = path.getFileSystem(conf)
        if not fs.exists(path):
            missing.append(given)
            continue
        status = fs.getFileStatus(path)
        roots.append(Root(qualified=fs.makeQualified(path).toString(), given=given, is_dir=status.isDirectory()))
    return roots, missing


def _exists(spark, where: str) -> bool:
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(where)
    return bool(path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).exists(path))


def _empty_files(spark, roots: list[Root]) -> list[str]:
    """The empty files under `roots` (one listing through Hadoop's FileSystem, on the driver)."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    empty = []
    for root in roots:
        path = jvm.org.apache.hadoop.fs.Path(root.qualified)
        listing = path.getFileSystem(conf).listFiles(path, True)
        while listing.hasNext():
            status = listing.next()
            if status.getLen() == 0:
                empty.append(status.getPath().toString())
    return empty


def run_job(spark, inputs: list[str], output: str, *, backend: str, model: str | None = None,
            input_format: str | None = None, relevance: bool | None = None, published: str | None = None,
            partitions: int | None = None, mode: str = "errorifexists") -> JobReport:
    """Extract every document under `inputs` and write the tables under `output`."""
    from pyspark import StorageLevel
    from pyspark.sql.types import StructType

    from partnergraph.sources import format_of

    if not inputs:
        raise ConfigError("no input given", hint="give files or folders: partnergraph spark INPUT... --output DIR")
    if mode == "errorifexists" and _exists(spark, output):  # before the work, not after it
        raise ConfigError(f"{output} already holds tables", hint="give another --output, or --overwrite")
    roots, missing = resolve_roots(spark, inputs)
    settings = with_model_on_driver(Settings(backend=backend, model=model, input_format=input_format,
                                             relevance=relevance, published=published))
    sc = spark.sparkContext
    loads = _loads_accumulator(sc)
    missing_rows = sc.parallelize([("failures", {"source": m, "reason": "no such file or folder"})
                                   for m in missing], 1)
    if roots:
        reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
        if input_format is None:  # only files of a known type are read (a folder's videos are not loaded)
            reader = reader.option("pathGlobFilter", ARTICLE_GLOB)
        files = reader.load([r.qualified for r in roots]).select("path", "content").rdd
        if partitions:
            files = files.repartition(partitions)
        rows = files.mapPartitions(
            lambda part: _extract_counting(((r[0], r[1]) for r in part), roots, settings, loads))
        empty = [p for p in _empty_files(spark, roots) if input_format is not None or format_of(p)]
        if empty:  # Spark's file sources leave out empty files; `extract` reports them
            rows = rows.union(sc.parallelize(empty, 1).mapPartitions(
                lambda part: _extract_counting(((p, b"") for p in part), roots, settings, loads)))
        rows = rows.union(missing_rows)
    else:
        rows = missing_rows
    rows.persist(StorageLevel.MEMORY_AND_DISK)
    report = JobReport(output=output)
    try:
        for table in (*TABLES, "skipped"):
            schema = StructType.fromDDL(SCHEMAS[table])
            names = schema.fieldNames()
            data = rows.filter(lambda kv, t=table: kv[0] == t).map(
                lambda kv, n=names: tuple(kv[1].get(c) for c in n))
            frame = spark.createDataFrame(data, schema)
            if table == "documents":  # each month's files in input order (tables.read_documents)
                frame = frame.orderBy("input_order", "position")
            if table == "skipped":
                frame = frame.groupBy("reason").sum("count").withColumnRenamed("sum(count)", "count")
            writer = frame.write.mode(mode)
            if table in PARTITIONED:
                writer = writer.partitionBy("month")
            writer.parquet(f"{output.rstrip('/')}/{table}")
        counts = rows.map(lambda kv: kv[0]).countByValue()
        report.counts = {t: int(counts.get(t, 0)) for t in TABLES}
        report.skipped = {r: int(c) for r, c in rows.filter(lambda kv: kv[0] == "skipped")
                          .map(lambda kv: (kv[1]["reason"], kv[1]["count"])).reduceByKey(lambda a, b: a + b)
                          .collect()}
        report.backend_loads = dict(sorted(loads.value.items()))
    finally:
        rows.unpersist()
    return report
