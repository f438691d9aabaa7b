// The character tagger's per-character loop (src/core/entities/charTagger.ts, CharTagger.tag) in C++:
// feature hashing, weight lookups and constrained Viterbi decoding. The JavaScript side prepares the
// per-token and lexicon arrays and reads the path back; both sides compute the same hashes, sums
// and scores bit for bit (test/unit/nativeTagger.test.ts compares them on real text).
// Plain N-API (no node-addon-api): stateless, so it is safe in worker threads.
#include <node_api.h>
#include <cstdint>
#include <cstring>
#include <vector>
#include <cmath>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

constexpr int N = 13;   // tags: O, then B/I/E/S for PER, LOC, ORG
constexpr int K = 7;    // lexicon kinds (LEX_FLAGS)
constexpr int TOKEN_INTS = 8;
constexpr int SLOT_I16 = 16, OCCUPIED = 15;
constexpr uint32_t FILTER_MASK = (1u << 19) - 1;
constexpr int MAX_WORD_FEATURE_LEN = 6;
constexpr int SECOND_STEP_BITS = 20;  // CharTrie.secondStepFilter: 2^20 bits
constexpr int POS_S = 1, POS_B = 2, POS_E = 3, POS_M = 4;
constexpr uint32_t DOT = 0xb7;
enum { F_B, F_C0, F_CM1, F_C1, F_BM, F_BP, F_BMM, F_BPP, F_TR, F_P, F_PL, F_W, F_PW, F_NW, F_PP, F_NP, F_PWP, F_NWP, F_NSUF, F_SUF,
  F_WSUF, F_PTITLE, F_NTITLE, F_LS, F_LE, F_LM, F_LN, F_LP, F_SUR, F_GN, F_SUR2, F_DOT, F_T, F_OA, F_OAS, F_CP };
constexpr uint32_t LEX_FLAGS[K] = {1, 2, 4, 8, 16, 32, 64};

inline uint32_t hash1(uint32_t t, uint32_t a, uint32_t b, uint32_t c) {
  const uint32_t P = 0x01000193u;
  uint32_t h = (((((0x2545f491u ^ t) * P) ^ a) * P ^ b) * P ^ c) * P;
  h ^= h >> 15; h *= 0x2c1b3c6du; h ^= h >> 12; h *= 0x297a2d39u;
  return h ^ (h >> 15);
}
inline uint32_t hash2(uint32_t t, uint32_t a, uint32_t b, uint32_t c) {
  const uint32_t M = 0x5bd1e995u;
  uint32_t g = ((((0x6a09e667u ^ t) * M + a) * M + b) * M + c) * M;
  g ^= g >> 13; g *= 0x85ebca6bu;
  return (g ^ (g >> 16)) & 0x1fffffu;
}

struct Table {
  const int32_t* checks;
  const int16_t* weights;
  const int32_t* filter;
  uint32_t mask;
};

#if defined(__GNUC__)
#define TAGGER_INLINE inline __attribute__((always_inline))
#else
#define TAGGER_INLINE inline
#endif

/**
 * The features of one character: put() hashes a feature and, when the filter does not rule it out,
 * prefetches its slot; sum() then looks them all up. The slots are spread over a few MB, so the
 * lookups are cache misses: issuing all of a character's loads before using any overlaps them.
 */
struct Features {
  static constexpr int MAX = 96;
  uint32_t h1[MAX];
  int32_t check[MAX];
  int count = 0;
  const Table* table;
  TAGGER_INLINE void put(uint32_t t, uint32_t a, uint32_t b, uint32_t c) {
    const uint32_t k1 = hash1(t, a, b, c), k2 = hash2(t, a, b, c);
    const int32_t chk = (int32_t)(k2 | (k1 & 0xffe00000u));
    const uint32_t bit = (uint32_t)chk & FILTER_MASK;
    if ((table->filter[bit >> 5] & (1 << (bit & 31))) == 0 || count == MAX) return;
    __builtin_prefetch(table->weights + (size_t)(k1 & table->mask) * SLOT_I16);
    h1[count] = k1;
    check[count] = chk;
    count++;
  }
  /**
   * Adds the weights of the features put since the last call to out[0..N). Integer sums, so the
   * order (and whole-row adds whose extra lanes are dropped) cannot change a score.
   */
  TAGGER_INLINE void sum(int32_t* out) {
#if defined(__SSE2__)
    // Four int32x4 accumulators over the row's 16 int16 lanes (sign-extended: unpack, shift).
    __m128i a0 = _mm_setzero_si128(), a1 = a0, a2 = a0, a3 = a0;
#else
    int32_t s[SLOT_I16] = {0};
#endif
    for (int m = 0; m < count; m++) {
      uint32_t slot = h1[m] & table->mask;
      for (;;) {
        const int16_t* row = table->weights + (size_t)slot * SLOT_I16;
        if (row[OCCUPIED] == 0) break;
        if (table->checks[(size_t)slot * (SLOT_I16 / 2)] == check[m]) {
#if defined(__SSE2__)
          const __m128i lo = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row));
          const __m128i hi = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 8));
          a0 = _mm_add_epi32(a0, _mm_srai_epi32(_mm_unpacklo_epi16(lo, lo), 16));
          a1 = _mm_add_epi32(a1, _mm_srai_epi32(_mm_unpackhi_epi16(lo, lo), 16));
          a2 = _mm_add_epi32(a2, _mm_srai_epi32(_mm_unpacklo_epi16(hi, hi), 16));
          a3 = _mm_add_epi32(a3, _mm_srai_epi32(_mm_unpackhi_epi16(hi, hi), 16));
#else
          for (int q = 0; q < SLOT_I16; q++) s[q] += row[q];
#endif
          break;
        }
        slot = (slot + 1) & table->mask;
      }
    }
#if defined(__SSE2__)
    int32_t s[SLOT_I16];
    _mm_storeu_si128(reinterpret_cast<__m128i*>(s), a0);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(s + 4), a1);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(s + 8), a2);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(s + 12), a3);
#endif
    // Lanes 2..14 are the tags' weights (0..1 the check, 15 the occupied flag).
    std::memcpy(out, s + 2, sizeof(int32_t) * N);
    count = 0;
  }
};

const int CLOSED[7] = {0, 3, 4, 7, 8, 11, 12};
const int STARTING[7] = {0, 1, 4, 5, 8, 9, 12};

bool allowed(int p, int t) {
  // p = N: sentence start. Open tags (B, I) may only be followed by I/E of their type.
  auto kind = [](int x) { return x == 0 ? 0 : (x - 1) % 4 + 1; };  // 0 O, 1 B, 2 I, 3 E, 4 S
  auto type = [](int x) { return x == 0 ? -1 : (x - 1) / 4; };
  const int pk = p == N ? 0 : kind(p), ck = kind(t);
  const bool open = pk == 1 || pk == 2, cont = ck == 2 || ck == 3;
  return open ? (cont && type(t) == type(p)) : !cont;
}

/** Same arithmetic and tie-breaking as viterbiInto in charTagger.ts. */
void viterbi(const int32_t* emit, int n, const double* trans, uint8_t* path) {
  if (n == 0) return;
  std::vector<double> score((size_t)n * N);
  std::vector<uint8_t> back((size_t)n * N);
  double tc[49], to[12];
  for (int k = 0; k < 7; k++) for (int j = 0; j < 7; j++) tc[k * 7 + j] = trans[CLOSED[j] * N + STARTING[k]];
  for (int y = 0; y < 3; y++) {
    const int B = 1 + 4 * y, I = B + 1, E = B + 2;
    to[y * 4] = trans[B * N + I]; to[y * 4 + 1] = trans[I * N + I]; to[y * 4 + 2] = trans[B * N + E]; to[y * 4 + 3] = trans[I * N + E];
  }
  for (int t = 0; t < N; t++) score[t] = allowed(N, t) ? (double)emit[t] + trans[N * N + t] : -INFINITY;
  for (int i = 1; i < n; i++) {
    const size_t o = (size_t)i * N, po = o - N;
    const double p0 = score[po], p3 = score[po + 3], p4 = score[po + 4], p7 = score[po + 7], p8 = score[po + 8], p11 = score[po + 11], p12 = score[po + 12];
    for (int k = 0; k < 7; k++) {
      const int r = k * 7;
      double best = p0 + tc[r], v = p3 + tc[r + 1];
      int arg = 0;
      if (v > best) { best = v; arg = 3; }
      v = p4 + tc[r + 2]; if (v > best) { best = v; arg = 4; }
      v = p7 + tc[r + 3]; if (v > best) { best = v; arg = 7; }
      v = p8 + tc[r + 4]; if (v > best) { best = v; arg = 8; }
      v = p11 + tc[r + 5]; if (v > best) { best = v; arg = 11; }
      v = p12 + tc[r + 6]; if (v > best) { best = v; arg = 12; }
      const int t = STARTING[k];
      score[o + t] = best + (double)emit[o + t];
      back[o + t] = (uint8_t)arg;
    }
    for (int y = 0; y < 3; y++) {
      const int B = 1 + 4 * y, I = B + 1, E = B + 2, q = y * 4;
      const double pb = score[po + B], pi = score[po + I];
      double a = pb + to[q], b = pi + to[q + 1];
      score[o + I] = (a >= b ? a : b) + (double)emit[o + I]; back[o + I] = a >= b ? B : I;
      a = pb + to[q + 2]; b = pi + to[q + 3];
      score[o + E] = (a >= b ? a : b) + (double)emit[o + E]; back[o + E] = a >= b ? B : I;
    }
  }
  double best = -INFINITY;
  int arg = 0;
  for (int t = 0; t < N; t++) {
    const int kind = t == 0 ? 0 : (t - 1) % 4 + 1;
    const bool canEnd = !(kind == 1 || kind == 2);
    if (canEnd && score[(size_t)(n - 1) * N + t] > best) { best = score[(size_t)(n - 1) * N + t]; arg = t; }
  }
  for (int i = n - 1; i >= 0; i--) { path[i] = (uint8_t)arg; arg = back[(size_t)i * N + arg]; }
}

template <typename T>
bool typed(napi_env env, napi_value v, T** data, size_t* length) {
  napi_typedarray_type type;
  size_t len;
  void* ptr;
  napi_value buf;
  size_t off;
  if (napi_get_typedarray_info(env, v, &type, &len, &ptr, &buf, &off) != napi_ok) return false;
  *data = static_cast<T*>(ptr);
  if (length) *length = len;
  return true;
}

/**
 * tag(n, codes, tokIdx, tokInfo, startLen, endLen, inside, sur2, givenNameBucket, surnameRank,
 *     checks, weights, filter, mask, trans, path): fills path[0..n).
 */
napi_value Tag(napi_env env, napi_callback_info info) {
  size_t argc = 16;
  napi_value argv[16];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  if (argc != 16) { napi_throw_error(env, nullptr, "policy_tagger.tag: expected 16 arguments"); return nullptr; }
  int32_t n = 0, mask = 0;
  napi_get_value_int32(env, argv[0], &n);
  napi_get_value_int32(env, argv[13], &mask);
  int32_t *codes, *tokIdx, *tokInfo, *checks, *filter;
  uint8_t *startLen, *endLen, *sur2, *gnB, *surR, *path;
  uint16_t* inside;
  int16_t* weights;
  double* trans;
  size_t codesLen, tokIdxLen, tokInfoLen, startLenLen, endLenLen, insideLen, sur2Len, gnLen, surLen, checksLen, weightsLen, filterLen, transLen, pathLen;
  const bool ok = typed(env, argv[1], &codes, &codesLen) && typed(env, argv[2], &tokIdx, &tokIdxLen) && typed(env, argv[3], &tokInfo, &tokInfoLen) &&
    typed(env, argv[4], &startLen, &startLenLen) && typed(env, argv[5], &endLen, &endLenLen) && typed(env, argv[6], &inside, &insideLen) &&
    typed(env, argv[7], &sur2, &sur2Len) && typed(env, argv[8], &gnB, &gnLen) && typed(env, argv[9], &surR, &surLen) &&
    typed(env, argv[10], &checks, &checksLen) && typed(env, argv[11], &weights, &weightsLen) && typed(env, argv[12], &filter, &filterLen) &&
    typed(env, argv[14], &trans, &transLen) && typed(env, argv[15], &path, &pathLen);
  // Every index below stays inside these bounds: a mismatch is the caller's bug, never a crash.
  if (!ok || n < 0 || codesLen < (size_t)n + 4 || tokIdxLen < (size_t)n || startLenLen < (size_t)n * K || endLenLen < (size_t)n * K ||
      insideLen < (size_t)n || sur2Len < (size_t)n || gnLen < 65536 || surLen < 65536 || filterLen < (FILTER_MASK + 1) / 32 ||
      mask < 0 || checksLen < ((size_t)mask + 1) * (SLOT_I16 / 2) || weightsLen < ((size_t)mask + 1) * SLOT_I16 || transLen < (size_t)(N + 1) * N || pathLen < (size_t)n) {
    napi_throw_error(env, nullptr, "policy_tagger.tag: bad arguments");
    return nullptr;
  }
  const size_t T = tokInfoLen / TOKEN_INTS;
  for (int i = 0; i < n; i++) if (tokIdx[i] >= (int32_t)T) { napi_throw_error(env, nullptr, "policy_tagger.tag: token index out of range"); return nullptr; }
  const Table table{checks, weights, filter, (uint32_t)mask};
  std::vector<int32_t> emit((size_t)n * N);
  // FNV-1a of '^' and '$' (stringHash in charTagger.ts), the neighbours of the first and last token.
  auto fnv = [](uint32_t c) { return (0x811c9dc5u ^ c) * 16777619u; };
  const uint32_t startWord = fnv('^'), endWord = fnv('$');
  auto gn = [&](int i) -> uint32_t { return i >= 0 && i < n ? gnB[codes[i + 2] & 0xffff] : 0; };
  auto sur = [&](int i) -> uint32_t { return i >= 0 && i < n ? surR[codes[i + 2] & 0xffff] : 0; };
  Features sc;
  sc.table = &table;
  for (int i = 0; i < n; i++) {
    const int x = i + 2;
    const uint32_t c0 = codes[x], cm1 = codes[x - 1], cp1 = codes[x + 1], cm2 = codes[x - 2], cp2 = codes[x + 2];
    sc.put(F_B, 0, 0, 0);
    sc.put(F_C0, c0, 0, 0); sc.put(F_CM1, cm1, 0, 0); sc.put(F_C1, cp1, 0, 0);
    sc.put(F_BM, cm1, c0, 0); sc.put(F_BP, c0, cp1, 0); sc.put(F_BMM, cm2, cm1, 0); sc.put(F_BPP, cp1, cp2, 0);
    sc.put(F_TR, cm1, c0, cp1);
    const int k = tokIdx[i];
    if (k >= 0) {
      const int32_t* tk = tokInfo + (size_t)k * TOKEN_INTS;
      const int32_t* prev = k > 0 ? tk - TOKEN_INTS : nullptr;
      const int32_t* next = (size_t)k + 1 < T ? tk + TOKEN_INTS : nullptr;
      const int len = tk[1] - tk[0];
      const uint32_t pos = len == 1 ? POS_S : i == tk[0] ? POS_B : i == tk[1] - 1 ? POS_E : POS_M;
      const uint32_t tag = tk[3], ptag = prev ? prev[3] : startWord, ntag = next ? next[3] : endWord;
      const uint32_t pword = prev ? prev[2] : startWord, nword = next ? next[2] : endWord;
      sc.put(F_P, tag, pos, 0);
      sc.put(F_CP, c0, tag, pos);
      sc.put(F_PL, tag, (uint32_t)(len < 4 ? len : 4), pos);
      if (len <= MAX_WORD_FEATURE_LEN) sc.put(F_W, tk[2], pos, 0);
      sc.put(F_PW, pword, 0, 0);
      sc.put(F_NW, nword, 0, 0);
      sc.put(F_PP, ptag, tag, pos);
      sc.put(F_NP, tag, pos, ntag);
      sc.put(F_PWP, pword, pos, 0);
      sc.put(F_NWP, nword, pos, 0);
      const int32_t flags = tk[4];
      if (next && (next[4] & 1)) sc.put(F_NSUF, pos, 0, 0);
      if (flags & 1) sc.put(F_SUF, pos, 0, 0);
      const uint32_t ws = (uint32_t)(flags >> 2);
      if (ws) sc.put(F_WSUF, ws, pos, 0);
      if (prev && (prev[4] & 2)) sc.put(F_PTITLE, pos, 0, 0);
      if (next && (next[4] & 2)) sc.put(F_NTITLE, pos, 0, 0);
      const int32_t oa = tk[5];
      if (oa >= 0) {
        sc.put(F_OA, (uint32_t)oa, pos, (uint32_t)tk[7]);
        sc.put(F_OAS, (uint32_t)tk[6], (uint32_t)(oa < 3 ? oa : 3), 0);
      }
    }
    for (int q = 0; q < K; q++) {
      const uint32_t s = startLen[(size_t)i * K + q], e = endLen[(size_t)i * K + q];
      if (s) sc.put(F_LS, q, s < 6 ? s : 6, 0);
      if (e) sc.put(F_LE, q, e < 6 ? e : 6, 0);
      if (inside[i] & LEX_FLAGS[q]) sc.put(F_LM, q, 0, 0);
      if (i + 1 < n && startLen[(size_t)(i + 1) * K + q]) sc.put(F_LN, q, 0, 0);
      if (i > 0 && endLen[(size_t)(i - 1) * K + q]) sc.put(F_LP, q, 0, 0);
    }
    const uint32_t s0 = sur(i), g0 = gn(i);
    if (s0) sc.put(F_SUR, s0, gn(i + 1), gn(i + 2));
    if (g0) sc.put(F_GN, g0, sur(i - 1), sur(i - 2));
    if (sur2[i]) sc.put(F_SUR2, 0, 0, 0);
    if (c0 == DOT || cm1 == DOT || cp1 == DOT) sc.put(F_DOT, c0 == DOT ? 1 : cm1 == DOT ? 2 : 3, 0, 0);
    sc.sum(&emit[(size_t)i * N]);
  }
  viterbi(emit.data(), n, trans, path);
  return nullptr;
}

/**
 * lexiconMatches(n, codes, rootNext, slots, mask, flagsOf, maxLen, startLen, endLen, inside): the
 * longest lexicon match of each kind starting and ending at each character, and the kinds a
 * character lies strictly inside, as lexiconMatches in charTagger.ts computes them (the arrays
 * start zeroed). The lexicon is a CharTrie's tables: children of the root by code unit, and slots
 * of (parent, code unit, child) keyed by a hash of the parent and the code unit.
 */
napi_value LexiconMatches(napi_env env, napi_callback_info info) {
  size_t argc = 11;
  napi_value argv[11];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  if (argc != 11) { napi_throw_error(env, nullptr, "policy_tagger.lexiconMatches: expected 11 arguments"); return nullptr; }
  int32_t n = 0, mask = 0, maxLen = 0;
  napi_get_value_int32(env, argv[0], &n);
  napi_get_value_int32(env, argv[4], &mask);
  napi_get_value_int32(env, argv[6], &maxLen);
  int32_t *codes, *rootNext, *slots, *flagsOf;
  uint8_t *startLen, *endLen;
  uint16_t* inside;
  uint32_t* secondSteps;
  size_t codesLen, rootLen, slotsLen, flagsLen, startLenLen, endLenLen, insideLen, secondLen;
  const bool ok = typed(env, argv[1], &codes, &codesLen) && typed(env, argv[2], &rootNext, &rootLen) && typed(env, argv[3], &slots, &slotsLen) &&
    typed(env, argv[5], &flagsOf, &flagsLen) && typed(env, argv[7], &startLen, &startLenLen) && typed(env, argv[8], &endLen, &endLenLen) &&
    typed(env, argv[9], &inside, &insideLen) && typed(env, argv[10], &secondSteps, &secondLen);
  if (!ok || n < 0 || codesLen < (size_t)n + 4 || rootLen < 65536 || mask < 0 || slotsLen < ((size_t)mask + 1) * 3 || maxLen < 0 || maxLen > 255 ||
      startLenLen < (size_t)n * K || endLenLen < (size_t)n * K || insideLen < (size_t)n || secondLen < (1u << SECOND_STEP_BITS) / 32) {
    napi_throw_error(env, nullptr, "policy_tagger.lexiconMatches: bad arguments");
    return nullptr;
  }
  // A node id outside flagsOf would be a corrupt trie: checked once per step, never read past.
  const int32_t nodes = (int32_t)flagsLen;
  const int32_t* text = codes + 2;  // codes[i + 2] is text[i]
  for (int i = 0; i < n; i++) {
    int32_t node = rootNext[text[i] & 0xffff];
    for (int len = 2; node >= 0 && len <= maxLen && i + len <= n; len++) {
      const int32_t code = text[i + len - 1];
      const uint32_t hash = (uint32_t)node * 0x9e3779b1u ^ (uint32_t)code * 0x85ebca6bu;
      // The second step (CharTrie.secondStepFilter): a clear bit means no child, without the slot table.
      if (len == 2 && !(secondSteps[hash >> (32 - SECOND_STEP_BITS + 5)] & (1u << ((hash >> (32 - SECOND_STEP_BITS)) & 31)))) break;
      uint32_t slot = hash & (uint32_t)mask;
      int32_t child = -1;
      for (;;) {
        const int32_t* sl = slots + (size_t)slot * 3;
        if (sl[0] == -1) break;
        if (sl[0] == node && sl[1] == code) { child = sl[2]; break; }
        slot = (slot + 1) & (uint32_t)mask;
      }
      node = child;
      if (node < 0) break;
      if (node >= nodes) { napi_throw_error(env, nullptr, "policy_tagger.lexiconMatches: node out of range"); return nullptr; }
      const int32_t flags = flagsOf[node];
      if (!flags) continue;
      for (int k = 0; k < K; k++) {
        if (!(flags & (int32_t)LEX_FLAGS[k])) continue;
        startLen[(size_t)i * K + k] = (uint8_t)len;
        const size_t e = (size_t)(i + len - 1) * K + k;
        if (endLen[e] < len) endLen[e] = (uint8_t)len;
        for (int j = i + 1; j < i + len - 1; j++) inside[j] |= (uint16_t)LEX_FLAGS[k];
      }
    }
  }
  return nullptr;
}

napi_value Init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "tag", NAPI_AUTO_LENGTH, Tag, nullptr, &fn);
  napi_set_named_property(env, exports, "tag", fn);
  napi_create_function(env, "lexiconMatches", NAPI_AUTO_LENGTH, LexiconMatches, nullptr, &fn);
  napi_set_named_property(env, exports, "lexiconMatches", fn);
  // NATIVE_TAGGER_VERSION in src/core/entities/nativeTagger.ts: the features and decoding implemented here.
  napi_value version;
  napi_create_int32(env, 3, &version);
  napi_set_named_property(env, exports, "version", version);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
