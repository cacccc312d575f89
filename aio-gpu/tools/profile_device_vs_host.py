# Usage: python3 profile_device_vs_host.py [path/to/all-minilm-l6-v2-tokenizer.json]  (needs torch with CUDA and tokenizers)
# Splits GPU E2 time: MiniLM-shaped forward on the device (random weights: speed does not depend
# on their values) vs HF tokenization on the host, at the GPU check's sizes.
import math, sys, time, torch, tokenizers
torch.manual_seed(0)
dev = "cuda"
class Layer(torch.nn.Module):
    def __init__(s):
        super().__init__()
        p = lambda *shape: torch.nn.Parameter(torch.randn(*shape) * 0.02, requires_grad=False)
        s.qw, s.kw, s.vw, s.ow = p(384, 384), p(384, 384), p(384, 384), p(384, 384)
        s.qb, s.kb, s.vb, s.ob = p(384), p(384), p(384), p(384)
        s.iw, s.ib, s.dw, s.db = p(384, 1536), p(1536), p(1536, 384), p(384)
        s.l1w, s.l1b, s.l2w, s.l2b = torch.nn.Parameter(torch.ones(384), requires_grad=False), p(384), torch.nn.Parameter(torch.ones(384), requires_grad=False), p(384)
    def forward(s, x, bias):
        b, l, h = x.shape
        q = (x @ s.qw + s.qb).view(b, l, 12, 32).transpose(1, 2)
        k = (x @ s.kw + s.kb).view(b, l, 12, 32).transpose(1, 2)
        v = (x @ s.vw + s.vb).view(b, l, 12, 32).transpose(1, 2)
        a = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(32.0) + bias, dim=-1)
        c = (a @ v).transpose(1, 2).reshape(b, l, h)
        x = torch.nn.functional.layer_norm(c @ s.ow + s.ob + x, (h,), s.l1w, s.l1b, 1e-12)
        i = torch.nn.functional.gelu(x @ s.iw + s.ib)
        return torch.nn.functional.layer_norm(i @ s.dw + s.db + x, (h,), s.l2w, s.l2b, 1e-12)
class M(torch.nn.Module):
    def __init__(s):
        super().__init__()
        s.word = torch.nn.Parameter(torch.randn(30522, 384) * 0.02, requires_grad=False)
        s.pos = torch.nn.Parameter(torch.randn(512, 384) * 0.02, requires_grad=False)
        s.layers = torch.nn.ModuleList([Layer() for _ in range(6)])
    def forward(s, ids, mask):
        x = s.word[ids] + s.pos[: ids.shape[1]]
        bias = ((1.0 - mask.to(x.dtype)) * -10000.0)[:, None, None, :]
        for layer in s.layers:
            x = layer(x, bias)
        m = mask.unsqueeze(-1).to(torch.float32)
        return torch.nn.functional.normalize((x.float() * m).sum(1) / m.sum(1), dim=-1)
for dtype in (torch.float32, torch.float16):
    model = M().to(dev).to(dtype).eval()
    for L in (16, 128, 256):
        for B in (64, 256):
            ids = torch.randint(1000, 29000, (B, L), device=dev); mask = torch.ones_like(ids)
            with torch.no_grad():
                for _ in range(3): model(ids, mask)
                torch.cuda.synchronize(); t = time.perf_counter(); n = 20
                for _ in range(n): model(ids, mask)
                torch.cuda.synchronize(); dt = (time.perf_counter() - t) / n
            flops = B * L * (21.2e6 + 9216 * L)
            print(f"PROFILE.device[{str(dtype)[6:]},len={L},batch={B}] {B/dt:.0f} chunks/s {flops/dt/1e12:.1f} TFLOP/s")
            # host->device copy of the batch's ids and mask, as the Java path does per batch
            h = torch.randint(1000, 29000, (B, L)); hm = torch.ones_like(h)
            torch.cuda.synchronize(); t = time.perf_counter()
            for _ in range(n): h.to(dev); hm.to(dev)
            torch.cuda.synchronize(); print(f"PROFILE.copy[len={L},batch={B}] {(time.perf_counter()-t)/n*1e3:.3f} ms/batch")
try:
    tok = tokenizers.Tokenizer.from_file(sys.argv[1] if len(sys.argv) > 1 else "all-minilm-l6-v2-tokenizer.json")
    tok.enable_truncation(256)
    words = "the volunteers of the repair cafe look at every tool that comes back broken and write down what they did".split()
    texts = [" ".join(words[(i + j) % len(words)] for j in range(220)) for i in range(2048)]
    t = time.perf_counter(); enc = tok.encode_batch(texts); dt = time.perf_counter() - t
    print(f"PROFILE.tokenize[batch,2048 texts,~{len(enc[0].ids)} tokens] {2048/dt:.0f} texts/s (Rust, all cores)")
    t = time.perf_counter(); [tok.encode(x) for x in texts[:512]]; dt = time.perf_counter() - t
    print(f"PROFILE.tokenize[one by one,512 texts] {512/dt:.0f} texts/s (one thread)")
except Exception as e:
    print('PROFILE.tokenize failed:', e)
