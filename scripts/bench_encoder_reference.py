#!/usr/bin/env python3
"""The Python side of scripts/bench-encoder: times one reference encoder on the texts semfind
times, and prints one JSON object.

    python bench_encoder_reference.py --backend st|ort|ort-int8 --model-dir DIR --data DIR
        [--long N] [--threads 2] [--cache DIR]

  st        sentence-transformers (torch), torch.set_num_threads(threads), one interop thread.
  ort       ONNX Runtime, float32: the model's transformer exported once with torch.onnx into
            CACHE/NAME/model.onnx; intra_op_num_threads = threads, inter_op_num_threads = 1.
  ort-int8  the same export through onnxruntime.quantization.quantize_dynamic (its defaults:
            int8 weights per tensor, activations quantized per call) into model.int8.onnx.

The ORT backends tokenize with the folder's tokenizer, truncate at the folder's max_seq_length,
sort each set by length and pad per batch (as sentence-transformers does), then pool as
1_Pooling/config.json says (mean or CLS) and L2-normalize when modules.json lists Normalize.

Texts: DATA/short_2000.txt and DATA/long_500.txt (batches of 32), DATA/queries_200.txt (one at a
time), one text per line; --long N times only the first N long texts. One warm-up pass on a
slice of each set, then one timed pass. Each timed pass records foreign_cpu_s: CPU seconds that
other processes used meanwhile (from /proc/stat), so a reader can tell a clean run.

Needs a venv with sentence-transformers, onnxruntime and onnx (and the model folder); nothing of
this is a dependency of semfind.
"""
import argparse
import json
import os
import statistics
import sys
import time

BATCH = 32


def machine_busy_seconds():
    """CPU seconds the whole machine has spent busy, from /proc/stat."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds():
    t = os.times()
    return t.user + t.system


class Foreign:
    """Measures the CPU time other processes use while the block runs."""

    def __enter__(self):
        self.busy, self.own = machine_busy_seconds(), own_cpu_seconds()
        return self

    def __exit__(self, *exc):
        used = (machine_busy_seconds() - self.busy) - (own_cpu_seconds() - self.own)
        self.seconds = round(max(0.0, used), 2)


def read_lines(path, limit=None):
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    return lines[:limit] if limit else lines


def percentile(values, p):
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100.0
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def time_batches(encode, texts):
    encode(texts[: 2 * BATCH])  # warm-up
    with Foreign() as foreign:
        start = time.perf_counter()
        encode(texts)
        seconds = time.perf_counter() - start
    return {"texts": len(texts), "seconds": round(seconds, 3), "texts_per_second": round(len(texts) / seconds, 2),
            "foreign_cpu_s": foreign.seconds}


def time_queries(encode_one, queries):
    for q in queries[:20]:  # warm-up
        encode_one(q)
    latencies = []
    with Foreign() as foreign:
        for q in queries:
            start = time.perf_counter()
            encode_one(q)
            latencies.append((time.perf_counter() - start) * 1000.0)
    return {"texts": len(latencies), "latency_p50_ms": round(percentile(latencies, 50), 3),
            "latency_p99_ms": round(percentile(latencies, 99), 3),
            "latency_mean_ms": round(statistics.mean(latencies), 3),
            "seconds": round(sum(latencies) / 1000.0, 3), "foreign_cpu_s": foreign.seconds}


def folder_json(model_dir, name, default=None):
    path = os.path.join(model_dir, name)
    if not os.path.exists(path):
        return default
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class FolderPolicy:
    """What a sentence-transformers folder says about length, pooling and normalization."""

    def __init__(self, model_dir):
        self.max_length = folder_json(model_dir, "sentence_bert_config.json", {}).get("max_seq_length", 512)
        pooling = folder_json(model_dir, "1_Pooling/config.json", {"pooling_mode_mean_tokens": True})
        if pooling.get("pooling_mode_mean_tokens"):
            self.pooling = "mean"
        elif pooling.get("pooling_mode_cls_token"):
            self.pooling = "cls"
        else:
            sys.exit(f"bench_encoder_reference: error: pooling {pooling} is not mean or CLS")
        modules = folder_json(model_dir, "modules.json", [])
        self.normalize = any(m.get("type", "").endswith("Normalize") for m in modules)


def st_backend(model_dir, threads):
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    model = SentenceTransformer(model_dir, device="cpu")
    model.eval()

    def encode(texts):
        return model.encode(texts, batch_size=BATCH, convert_to_numpy=True, show_progress_bar=False)

    def encode_one(text):
        return model.encode(text, convert_to_numpy=True, show_progress_bar=False)

    info = {"torch_threads": torch.get_num_threads(), "max_seq_length": model.max_seq_length}
    return encode, encode_one, info


def export_onnx(model_dir, folder):
    """The folder's transformer as ONNX (last hidden state), exported once into `folder`."""
    import inspect

    import torch
    from transformers import AutoModel

    path = os.path.join(folder, "model.onnx")
    stamp_path = os.path.join(folder, "source.json")
    weights = os.path.join(model_dir, "model.safetensors")
    stamp = {"model_dir": os.path.abspath(model_dir), "bytes": os.path.getsize(weights),
             "mtime": int(os.path.getmtime(weights))}
    if os.path.exists(path) and folder_json(folder, "source.json") == stamp:
        return path
    os.makedirs(folder, exist_ok=True)
    model = AutoModel.from_pretrained(model_dir)
    model.eval()
    names = ["input_ids", "attention_mask"]
    if "token_type_ids" in inspect.signature(model.forward).parameters and model.config.type_vocab_size > 0:
        names.append("token_type_ids")

    class LastHiddenState(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, *inputs):
            return self.inner(**dict(zip(names, inputs))).last_hidden_state

    example = tuple(torch.ones(2, 16, dtype=torch.long) for _ in names)
    axes = {name: {0: "batch", 1: "sequence"} for name in names + ["last_hidden_state"]}
    with torch.no_grad():
        torch.onnx.export(LastHiddenState(model), example, path, input_names=names,
                          output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=17, dynamo=False)
    with open(stamp_path, "w") as f:
        json.dump(stamp, f)
    for stale in ("model.int8.onnx",):
        if os.path.exists(os.path.join(folder, stale)):
            os.remove(os.path.join(folder, stale))
    return path


def quantized(path):
    """quantize_dynamic of the export, with its default settings, made once beside it."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out = os.path.join(os.path.dirname(path), "model.int8.onnx")
    if not os.path.exists(out):
        quantize_dynamic(path, out, weight_type=QuantType.QInt8)
    return out


def ort_session(path, threads):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])


def ort_encoder(session, tokenizer, policy):
    import numpy as np

    names = [i.name for i in session.get_inputs()]

    def run(texts):
        batch = tokenizer(texts, padding=True, truncation=True, max_length=policy.max_length, return_tensors="np")
        feeds = {name: batch[name].astype(np.int64) for name in names}
        hidden = session.run(None, feeds)[0]
        if policy.pooling == "cls":
            pooled = hidden[:, 0]
        else:
            mask = feeds["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(1) / np.clip(mask.sum(1), 1e-9, None)
        if policy.normalize:
            pooled = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return pooled

    def encode(texts):
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out = [None] * len(texts)
        for start in range(0, len(order), BATCH):
            chunk = order[start:start + BATCH]
            for i, vector in zip(chunk, run([texts[i] for i in chunk])):
                out[i] = vector
        return np.stack(out)

    return encode, lambda text: run([text])[0]


def ort_backend(model_dir, threads, cache, int8, sample):
    import numpy as np
    from transformers import AutoTokenizer

    policy = FolderPolicy(model_dir)
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    folder = os.path.join(cache, os.path.basename(os.path.normpath(model_dir)))
    fp32_path = export_onnx(model_dir, folder)
    path = quantized(fp32_path) if int8 else fp32_path
    encode, encode_one = ort_encoder(ort_session(path, threads), tokenizer, policy)
    info = {"onnx": path, "intra_op_num_threads": threads, "max_seq_length": policy.max_length,
            "pooling": policy.pooling, "normalize": policy.normalize}
    if int8:
        # How far the quantized model is from the float one, on a sample of the texts.
        reference, _ = ort_encoder(ort_session(fp32_path, threads), tokenizer, policy)
        a, b = encode(sample), reference(sample)
        cosines = (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
        info["quantize_dynamic"] = "weight_type=QInt8, per_channel=False, reduce_range=False (defaults)"
        info["cosine_vs_ort_fp32_min"] = round(float(cosines.min()), 5)
        info["cosine_vs_ort_fp32_mean"] = round(float(cosines.mean()), 5)
    return encode, encode_one, info


def versions():
    import importlib.metadata as metadata
    import platform

    found = {"python": platform.python_version()}
    for package in ("sentence-transformers", "torch", "transformers", "onnxruntime", "onnx", "numpy"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = None
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["st", "ort", "ort-int8"], required=True)
    parser.add_argument("--model-dir", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--long", type=int, default=None, help="time only the first N long texts")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--cache", default=os.path.join(os.path.expanduser("~"), ".cache", "semfind-bench"))
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

    short = read_lines(os.path.join(args.data, "short_2000.txt"))
    long_texts = read_lines(os.path.join(args.data, "long_500.txt"), args.long)
    queries = read_lines(os.path.join(args.data, "queries_200.txt"))
    if args.backend == "st":
        encode, encode_one, info = st_backend(args.model_dir, args.threads)
    else:
        encode, encode_one, info = ort_backend(args.model_dir, args.threads, args.cache,
                                               args.backend == "ort-int8", short[:64])
    result = {"backend": args.backend, "model_dir": os.path.abspath(args.model_dir), "threads": args.threads,
              "short": time_batches(encode, short), "long": time_batches(encode, long_texts),
              "queries": time_queries(encode_one, queries), "info": info, "versions": versions()}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
