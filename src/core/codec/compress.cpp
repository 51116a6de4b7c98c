// Mapathy core — the share-link compressor (see compress.hpp for the why).
//
// Per bit: seven context models (order 0, 1, 2, 3, 4, 6 and the current word) each give a
// probability from an adaptive counter; a match model predicts the bit that followed the last
// occurrence of the current context; a small online mixer combines their stretched probabilities;
// an adaptive probability map refines the result; a 32-bit binary arithmetic coder codes the bit.
#include "core/codec/compress.hpp"

#include "core/codec/arithmetic_coder.hpp"

#include <algorithm>
#include <array>

namespace mapathy::compress {
namespace {

// ---------------------------------------------------------------------------------------------
// Logistic domain: squash(d) = 4096 / (1 + e^(-d/256)), stretch = its inverse, both integer.
// ---------------------------------------------------------------------------------------------
// 4096/(1+exp(-(i-16)/2)) for i = 0..32, rounded and clamped to 1..4095.
constexpr std::array<int, 33> kSquashPoints = {1,    2,    4,    6,    10,   17,   27,   45,   74,   120,  194,
                                               311,  488,  747,  1102, 1546, 2048, 2550, 2994, 3349, 3608, 3785,
                                               3902, 3976, 4022, 4051, 4069, 4079, 4086, 4090, 4092, 4094, 4095};

constexpr int squash(int d) {
  if (d > 2047) return 4095;
  if (d < -2047) return 1;
  const int w = d & 127;
  const int i = (d >> 7) + 16;  // arithmetic shift (defined in C++20)
  return (kSquashPoints[static_cast<std::size_t>(i)] * (128 - w) + kSquashPoints[static_cast<std::size_t>(i) + 1] * w + 64) >> 7;
}

// stretch = the inverse of squash, as a table. Built once when the program starts (a namespace-scope
// object, so there is no guard check per call: stretch() runs nine times per coded bit), and not at
// compile time, which would put its 8 KB into the WebAssembly download.
struct StretchTable {
  std::array<std::int16_t, 4096> value{};
  StretchTable() {
    int pi = 0;
    for (int d = -2047; d <= 2047; ++d) {
      const int v = squash(d);
      for (int j = pi; j <= v; ++j) value[static_cast<std::size_t>(j)] = static_cast<std::int16_t>(d);
      pi = v + 1;
    }
    for (int j = pi; j < 4096; ++j) value[static_cast<std::size_t>(j)] = 2047;
  }
};
const StretchTable kStretch;

int stretch(int p12) { return kStretch.value[static_cast<std::size_t>(p12)]; }

// Adaptive counter: a 16-bit probability that the next bit is 1, and how often it was updated
// (early updates move it fast, later ones slowly: rate 1/(n+1.5), floored at 1/(limit+1.5)).
// Probability and count sit side by side, so one cache line brings both (the hashed tables are
// megabytes and every coded bit touches six random places in them).
struct Counter {
  std::uint16_t p = 32768;
  std::uint8_t n = 0;
};

constexpr std::array<int, 256> makeRateTable() {
  std::array<int, 256> rate{};
  for (int n = 0; n < 256; ++n) rate[static_cast<std::size_t>(n)] = 2048 / (2 * n + 3);
  return rate;
}
constexpr std::array<int, 256> kRate = makeRateTable();

void train(Counter& c, int bit, int limit) {
  const int target = bit ? 65535 : 0;
  const int pv = c.p;
  c.p = static_cast<std::uint16_t>(pv + (((target - pv) * kRate[c.n]) >> 10));
  if (c.n < limit) ++c.n;
}

std::uint32_t hashMix(std::uint32_t h) {
  h ^= h >> 16;
  h *= 0x7FEB352Du;
  h ^= h >> 15;
  h *= 0x846CA68Bu;
  h ^= h >> 16;
  return h;
}

// ---------------------------------------------------------------------------------------------
// The priming text: frequent words and phrases of empathy maps and journeys, German and English,
// separated by NUL like strings in a board's text stream. PART OF LINK FORMAT 1: never edit. (It shares
// whole phrases with the sample board link sizes used to be measured on, which flattered them; link
// format 3 primes with generic vocabulary instead, below. Format 1 links keep decoding with this one.)
// ---------------------------------------------------------------------------------------------
constexpr char kPriming[] =
    "Kunde\0Kundin\0Kunden\0Produkt\0Termin\0Kundenservice\0Rückruf\0wartet\0Wartezeit\0Hotline\0"
    "Ich will nicht\0Ich möchte\0Ich habe keine Zeit\0Warum dauert das so lange?\0Das ist mir zu teuer\0"
    "Wartet auf eine Antwort\0Ruft an\0schreibt eine E-Mail\0vergleicht Preise\0liest Bewertungen\0"
    "ist frustriert\0fühlt sich allein gelassen\0hat Angst, etwas falsch zu machen\0ist erleichtert\0"
    "unsicher\0genervt\0zufrieden\0verärgert\0überfordert\0gestresst\0Vertrauen\0Sicherheit\0"
    "Ich verstehe nicht, warum\0Wie lange noch?\0Wer ist zuständig?\0Hoffentlich klappt es\0"
    "sucht im Internet\0fragt Freunde\0bestellt online\0kündigt\0beschwert sich\0"
    "die Rechnung\0der Vertrag\0das Formular\0die Lieferung\0die Bestellung\0der Preis\0die Kosten\0"
    "keine Rückmeldung\0zu kompliziert\0zu lange\0zu viele Schritte\0nicht erreichbar\0schnell\0einfach\0"
    "Mitarbeiter\0Beratung\0Filiale\0Webseite\0App\0Anruf\0Nachricht\0Chat\0Support\0Problem\0Lösung\0"
    "Bedürfnis\0Ziel\0Schmerzpunkt\0Chance\0Erwartung\0Erfahrung\0Aufgabe\0Idee\0"
    "dreimal anrufen\0in der Warteschleife\0Minuten\0Stunden\0Tage\0Woche\0heute\0morgen\0immer\0nie\0"
    "nicht\0keine\0auch\0noch\0schon\0aber\0oder\0und\0mit\0für\0über\0beim\0bei der\0von der\0vom\0zum\0zur\0"
    "die\0der\0das\0ein\0eine\0einen\0mein\0meine\0sich\0ist\0sind\0hat\0haben\0wird\0werden\0kann\0muss\0müssen\0"
    "will\0soll\0möchte\0wieder\0selbst\0sofort\0endlich\0eigentlich\0wirklich\0vielleicht\0"
    "customer\0product\0appointment\0customer service\0call back\0waits\0waiting time\0hotline\0"
    "I don't want to\0I want to\0I need\0I don't have time\0Why does this take so long?\0too expensive\0"
    "waits for an answer\0calls\0writes an email\0compares prices\0reads reviews\0is frustrated\0"
    "feels left alone\0is afraid of doing something wrong\0is relieved\0unsure\0annoyed\0satisfied\0"
    "overwhelmed\0stressed\0trust\0safety\0Who is responsible?\0searches online\0asks friends\0"
    "orders online\0cancels\0complains\0the invoice\0the contract\0the form\0the delivery\0the order\0"
    "no response\0too complicated\0too long\0too many steps\0not reachable\0fast\0easy\0"
    "staff\0advice\0store\0website\0app\0phone call\0message\0support\0problem\0solution\0"
    "need\0goal\0pain point\0opportunity\0expectation\0experience\0task\0idea\0"
    "the\0and\0not\0with\0for\0from\0about\0again\0really\0maybe\0always\0never\0today\0minutes\0days\0"
    "Awareness\0Consideration\0Purchase\0Use\0Loyalty\0Aufmerksamkeit\0Abwägung\0Kauf\0Nutzung\0Treue\0";

constexpr std::string_view kPrimingText1{kPriming, sizeof(kPriming) - 1};

// ---------------------------------------------------------------------------------------------
// The priming text of link format 3: generic vocabulary only — words (never sentences or phrases
// of example boards) of empathy maps and journeys in German and English: the sections, stages and
// lanes of the templates, frequent function words, and common nouns, verbs and adjectives of
// the field. NUL-separated like the strings of a board's text stream. PART OF LINK FORMAT 3:
// never edit. (tests/core/share_link_test.cpp checks it shares no two-word phrase with the
// sample boards.)
// ---------------------------------------------------------------------------------------------
constexpr char kPriming3[] =
    // sections, stages and lanes of the templates
    "Sagt\0Denkt\0Tut\0Fühlt\0Sieht\0Hört\0Schmerzen\0Gewinne\0Ziel\0Persona\0"
    "Says\0Thinks\0Does\0Feels\0Sees\0Hears\0Pains\0Gains\0Goal\0"
    "Aufmerksamkeit\0Abwägung\0Kauf\0Nutzung\0Treue\0Awareness\0Consideration\0Purchase\0Use\0Loyalty\0"
    "Aktionen\0Berührungspunkte\0Gedanken\0Emotionen\0Erwartung\0Erfahrung\0Schmerzpunkte\0Chancen\0"
    "Actions\0Touchpoints\0Thoughts\0Emotions\0Expectation\0Experience\0Pain points\0Opportunities\0"
    // German function words and frequent verbs
    "der\0die\0das\0den\0dem\0des\0ein\0eine\0einen\0einem\0einer\0und\0oder\0aber\0nicht\0kein\0"
    "keine\0auch\0noch\0schon\0nur\0sehr\0mehr\0viel\0immer\0nie\0oft\0wieder\0jetzt\0dann\0wenn\0"
    "weil\0dass\0ob\0wie\0was\0wer\0wo\0warum\0mit\0für\0von\0bei\0nach\0vor\0über\0ohne\0im\0in\0"
    "am\0an\0auf\0aus\0zu\0zum\0zur\0um\0es\0er\0sie\0wir\0ich\0Ich\0mich\0mir\0sich\0man\0mein\0"
    "ist\0sind\0war\0hat\0haben\0wird\0werden\0kann\0können\0muss\0soll\0will\0möchte\0gibt\0geht\0"
    "macht\0kommt\0weiß\0findet\0braucht\0sucht\0fragt\0sagt\0denkt\0fühlt\0sieht\0hört\0wartet\0"
    // German nouns and adjectives of the field
    "Kunde\0Kundin\0Kunden\0Nutzer\0Nutzerin\0Person\0Mitarbeiter\0Team\0Service\0Produkt\0Angebot\0"
    "Preis\0Kosten\0Zeit\0Termin\0Anruf\0E-Mail\0Nachricht\0App\0Webseite\0Formular\0Konto\0Daten\0"
    "Rechnung\0Vertrag\0Bestellung\0Lieferung\0Problem\0Lösung\0Frage\0Antwort\0Hilfe\0Support\0"
    "Informationen\0Bedürfnis\0Aufgabe\0Idee\0Vertrauen\0Sicherheit\0Qualität\0Geld\0Tag\0Woche\0"
    "Monat\0Minuten\0Stunden\0einfach\0schnell\0langsam\0schwierig\0kompliziert\0teuer\0günstig\0klar\0"
    "unklar\0sicher\0unsicher\0neu\0alt\0gut\0schlecht\0wichtig\0zufrieden\0unzufrieden\0froh\0"
    "frustriert\0verwirrt\0erleichtert\0"
    // English function words and frequent verbs
    "the\0a\0an\0and\0or\0but\0not\0no\0also\0still\0already\0only\0very\0more\0always\0never\0"
    "often\0again\0now\0then\0when\0because\0that\0if\0how\0what\0who\0where\0why\0with\0for\0from\0"
    "at\0after\0before\0about\0without\0in\0on\0to\0of\0it\0he\0she\0they\0we\0I\0me\0my\0her\0"
    "their\0is\0are\0was\0has\0have\0will\0can\0must\0should\0wants\0would\0does\0gets\0makes\0"
    "needs\0looks\0asks\0says\0thinks\0feels\0sees\0hears\0waits\0don't\0"
    // English nouns and adjectives of the field
    "customer\0customers\0user\0person\0staff\0team\0service\0product\0offer\0price\0cost\0time\0"
    "appointment\0call\0email\0message\0app\0website\0form\0account\0data\0invoice\0contract\0order\0"
    "delivery\0problem\0solution\0question\0answer\0help\0support\0information\0need\0task\0idea\0"
    "trust\0safety\0quality\0money\0day\0week\0month\0minutes\0hours\0easy\0fast\0slow\0difficult\0"
    "complicated\0expensive\0cheap\0clear\0unclear\0sure\0unsure\0new\0old\0good\0bad\0important\0"
    "happy\0unhappy\0frustrated\0confused\0relieved\0"
    // quotation marks as notes use them
    "„“\0\"\"\0?\0";

constexpr std::string_view kPrimingText3{kPriming3, sizeof(kPriming3) - 1};

constexpr std::string_view primingTextOf(Priming priming) {
  return priming == Priming::Format1 ? kPrimingText1 : kPrimingText3;
}

// ---------------------------------------------------------------------------------------------
// The model: predicts the next bit, learns from it.
// ---------------------------------------------------------------------------------------------
constexpr int kHashed = 6;               // orders 1, 2, 3, 4, 6 and the word model
constexpr int kInputs = kHashed + 3;     // + order 0, match, bias
constexpr int kMatchMin = 4;             // bytes of context a match must share
constexpr int kMixerSets = 4 * 8;        // match-length bucket × bit position
constexpr int kApmBuckets = 33;

class Model {
 public:
  explicit Model(int bits) {
    bits_ = bits;
    mask_ = (1u << bits) - 1u;
    counters_.assign(static_cast<std::size_t>(kHashed) << bits, Counter{});
    matchTable_.assign(std::size_t{1} << 16, 0);
    for (auto& w : weights_) w = 1 << 14;
    for (std::size_t c = 0; c < apm_.size() / kApmBuckets; ++c)
      for (int j = 0; j < kApmBuckets; ++j)
        apm_[c * kApmBuckets + static_cast<std::size_t>(j)] =
            static_cast<std::uint16_t>(squash((j - 16) * 128) * 16);
    o0_.fill(Counter{});
    match_.fill(Counter{49152, 0});
    startByte();
  }

  void reserve(std::size_t totalBytes) { history_.reserve(totalBytes); }

  // Probability (1..4095, in 1/4096) that the next bit is 1.
  int predict() {
    for (int i = 0; i < kHashed; ++i) {
      slot_[i] = slotFor(i, c0_);
      inputs_[i] = stretch(counters_[slot_[i]].p >> 4);
    }
    // The next bit's counters are at one of two places per model: ask for both now, so the cache
    // misses overlap with this bit's mixing and coding (no effect on the output).
    if (bitPos_ < 7) {
      for (int i = 0; i < kHashed; ++i) {
        prefetch(&counters_[slotFor(i, c0_ << 1)]);
        prefetch(&counters_[slotFor(i, (c0_ << 1) | 1u)]);
      }
    }
    inputs_[kHashed] = stretch(o0_[c0_].p >> 4);
    // Match model: the bit that followed the same context last time, weighted by how reliable
    // matches of this length have been.
    expectedBit_ = -1;
    if (matchLen_ > 0) {
      const int predicted = history_[matchPtr_] | 0x100;
      if ((predicted >> (8 - bitPos_)) == static_cast<int>(c0_)) {
        expectedBit_ = (predicted >> (7 - bitPos_)) & 1;
        const int st = stretch(match_[matchBucket()].p >> 4);
        inputs_[kHashed + 1] = expectedBit_ ? st : -st;
      } else {
        inputs_[kHashed + 1] = 0;
      }
    } else {
      inputs_[kHashed + 1] = 0;
    }
    inputs_[kHashed + 2] = 256;

    mixerSet_ = (matchLen_ == 0 ? 0 : matchLen_ < 8 ? 1 : matchLen_ < 16 ? 2 : 3) * 8 + bitPos_;
    const std::int32_t* w = &weights_[static_cast<std::size_t>(mixerSet_) * kInputs];
    std::int64_t dot = 0;
    for (int i = 0; i < kInputs; ++i) dot += static_cast<std::int64_t>(inputs_[i]) * w[i];
    mixStretch_ = static_cast<int>(std::clamp<std::int64_t>(dot >> 16, -2047, 2047));
    pMix_ = squash(mixStretch_);

    // Adaptive probability map on the partial byte: interpolate between two buckets.
    const int s = mixStretch_ + 2048;  // 1..4095
    apmIndex_ = static_cast<std::size_t>(c0_) * kApmBuckets + static_cast<std::size_t>(s >> 7);
    apmWeight_ = s & 127;
    const int pApm = (apm_[apmIndex_] * (128 - apmWeight_) + apm_[apmIndex_ + 1] * apmWeight_) >> 11;
    const int p = (pMix_ + 3 * pApm) >> 2;
    return std::clamp(p, 1, 4095);
  }

  void update(int bit) {
    // Mixer: gradient step on coding cost.
    const int err = ((bit << 12) - pMix_) * 6;
    std::int32_t* w = &weights_[static_cast<std::size_t>(mixerSet_) * kInputs];
    for (int i = 0; i < kInputs; ++i)
      w[i] += static_cast<std::int32_t>((static_cast<std::int64_t>(inputs_[i]) * err) >> 10);
    // APM: move the nearer bucket toward the bit.
    const std::size_t nearer = apmIndex_ + (apmWeight_ >> 6);
    const int target = bit ? 65535 : 0;
    apm_[nearer] = static_cast<std::uint16_t>(apm_[nearer] + ((target - apm_[nearer]) >> 5));

    for (int i = 0; i < kHashed; ++i) train(counters_[slot_[i]], bit, 30);
    train(o0_[c0_], bit, 60);
    if (expectedBit_ >= 0) {
      const std::size_t b = matchBucket();
      train(match_[b], expectedBit_ == bit ? 1 : 0, 250);
      if (expectedBit_ != bit) matchLen_ = 0;
    }

    c0_ = (c0_ << 1) | static_cast<std::uint32_t>(bit);
    if (++bitPos_ == 8) {
      endByte(static_cast<std::uint8_t>(c0_ & 0xFF));
      startByte();
    }
  }

 private:
  std::uint32_t slotFor(int i, std::uint32_t c0) const {
    return (static_cast<std::uint32_t>(i) << bits_) | (hashMix(ctx_[static_cast<std::size_t>(i)] ^ (c0 * 0x9E3779B1u)) & mask_);
  }
  static void prefetch(const void* address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address);
#else
    (void)address;
#endif
  }
  std::size_t matchBucket() const { return static_cast<std::size_t>(std::min(matchLen_, 15)); }
  std::uint8_t back(std::size_t n) const { return n <= history_.size() ? history_[history_.size() - n] : 0; }

  void endByte(std::uint8_t byte) {
    history_.push_back(byte);
    const std::size_t n = history_.size();
    // Word model: letters (ASCII or any UTF-8 byte) extend the word, anything else ends it.
    const bool letter = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || byte >= 0x80;
    if (letter) {
      word_ = (word_ + byte + 1) * 0x2D5A3F1Bu;
    } else if (word_ != 0) {
      prevWord_ = word_;
      word_ = 0;
    }
    // Match model: follow the current match, or look one up by the hash of the last kMatchMin bytes.
    if (matchLen_ > 0 && matchPtr_ + 1 < n) {
      ++matchPtr_;
      if (matchLen_ < 65535) ++matchLen_;
    } else {
      matchLen_ = 0;
    }
    if (n >= static_cast<std::size_t>(kMatchMin)) {
      std::uint32_t h = 0;
      for (int i = 1; i <= kMatchMin; ++i) h = (h + back(static_cast<std::size_t>(i)) + 1) * 0x01000193u;
      const std::size_t key = hashMix(h) & 0xFFFFu;
      if (matchLen_ == 0) {
        const std::uint32_t candidate = matchTable_[key];
        if (candidate > 0) {
          int len = 0;
          while (len < 32 && static_cast<std::size_t>(len) < candidate &&
                 history_[candidate - 1 - static_cast<std::size_t>(len)] ==
                     history_[n - 1 - static_cast<std::size_t>(len)])
            ++len;
          if (len >= kMatchMin) {
            matchLen_ = len;
            matchPtr_ = candidate;
          }
        }
      }
      matchTable_[key] = static_cast<std::uint32_t>(n);
    }
  }

  void startByte() {
    c0_ = 1;
    bitPos_ = 0;
    std::uint32_t h = 0;
    const std::array<int, 5> orders = {1, 2, 3, 4, 6};
    int done = 0;
    for (int k = 0; k < 5; ++k) {
      while (done < orders[static_cast<std::size_t>(k)]) {
        ++done;
        h = (h + back(static_cast<std::size_t>(done)) + 1) * 0x2F0B4C27u;
      }
      ctx_[k] = h + static_cast<std::uint32_t>(k) * 0x6A09E667u;
    }
    ctx_[5] = (word_ + prevWord_ * 0x3C6EF372u) ^ 0xBB67AE85u;
  }

  int bits_ = 0;             // log2 of each hashed model's table size
  std::uint32_t mask_ = 0;   // (1 << bits_) - 1
  std::vector<Counter> counters_;  // kHashed tables of 1 << bits_ counters, one after another
  std::array<Counter, 256> o0_{};
  std::array<std::uint32_t, kHashed> ctx_{};
  std::array<std::uint32_t, kHashed> slot_{};

  std::vector<std::uint8_t> history_;
  std::vector<std::uint32_t> matchTable_;  // hash → position just after the context
  std::size_t matchPtr_ = 0;
  int matchLen_ = 0;
  int expectedBit_ = -1;
  std::array<Counter, 16> match_{};

  std::array<int, kInputs> inputs_{};
  std::array<std::int32_t, static_cast<std::size_t>(kMixerSets) * kInputs> weights_{};
  int mixerSet_ = 0;
  int mixStretch_ = 0;
  int pMix_ = 2048;

  std::vector<std::uint16_t> apm_ = std::vector<std::uint16_t>(std::size_t{256} * kApmBuckets);
  std::size_t apmIndex_ = 0;
  int apmWeight_ = 0;

  std::uint32_t word_ = 0, prevWord_ = 0;
  std::uint32_t c0_ = 1;
  int bitPos_ = 0;
};

void prime(Model& model, std::string_view text) {
  for (const char ch : text) {
    const int byte = static_cast<unsigned char>(ch);
    for (int i = 7; i >= 0; --i) {
      (void)model.predict();
      model.update((byte >> i) & 1);
    }
  }
}

constexpr int kMinTableBits = 16;
constexpr int kMaxTableBits = 18;  // bounds the model's memory (≈ 6.5 MB) whatever the input size

Model freshPrimedModel(int bits, Priming priming) {
  Model m(bits);
  prime(m, primingTextOf(priming));
  return m;
}

// The primed model of each table size and priming, primed once on first use and then copied:
// copying is a memcpy, while building one means zeroing megabytes and coding the whole priming text
// bit by bit (about as much work as coding a 40-note board). The larger sizes are only built when a
// link needs them (a board of more than about 8 KB in its binary form), and a priming only when a link
// of its format is coded, so small links never pay their memory.
template <Priming P>
const Model& cachedPrimedModel(int bits) {
  static_assert(kMaxTableBits - kMinTableBits == 2, "one cached model per table size");
  if (bits <= kMinTableBits) {
    static const Model model16 = freshPrimedModel(kMinTableBits, P);
    return model16;
  }
  if (bits == kMinTableBits + 1) {
    static const Model model17 = freshPrimedModel(kMinTableBits + 1, P);
    return model17;
  }
  static const Model model18 = freshPrimedModel(kMaxTableBits, P);
  return model18;
}

// A primed model sized for `totalBytes` (tables grow with the input up to kMaxTableBits).
Model primedModel(std::size_t dataBytes, Priming priming) {
  const std::size_t totalBytes = dataBytes + primingTextOf(priming).size();
  int bits = kMinTableBits;
  while (bits < kMaxTableBits && (std::size_t{1} << bits) < totalBytes * 6) ++bits;
  Model m = priming == Priming::Format1 ? cachedPrimedModel<Priming::Format1>(bits)
                                        : cachedPrimedModel<Priming::Format3>(bits);
  m.reserve(totalBytes);
  return m;
}

// The bits are coded by core/arithmetic_coder.hpp (shared with link format 2).
using Encoder = arithmetic::Encoder;
using Decoder = arithmetic::Decoder;

std::vector<std::uint8_t> compressWith(std::span<const std::uint8_t> data, const Priming* priming) {
  Model model = priming != nullptr ? primedModel(data.size(), *priming) : Model(kMinTableBits);
  Encoder encoder;
  for (const std::uint8_t byte : data) {
    for (int i = 7; i >= 0; --i) {
      const int bit = (byte >> i) & 1;
      encoder.encode(bit, model.predict());
      model.update(bit);
    }
  }
  return encoder.finish();
}

}  // namespace

std::vector<std::uint8_t> compress(std::span<const std::uint8_t> data, Priming priming) {
  return compressWith(data, &priming);
}
std::vector<std::uint8_t> compressUnprimed(std::span<const std::uint8_t> data) { return compressWith(data, nullptr); }

Decompressed decompress(std::span<const std::uint8_t> stream, std::size_t size, Priming priming,
                        std::size_t maxPastEnd) {
  Decompressed result;
  Model model = primedModel(size, priming);
  Decoder decoder(stream);
  result.bytes.reserve(size);
  for (std::size_t n = 0; n < size; ++n) {
    int byte = 0;
    for (int i = 0; i < 8; ++i) {
      const int bit = decoder.decode(model.predict());
      model.update(bit);
      byte = (byte << 1) | bit;
    }
    result.bytes.push_back(static_cast<std::uint8_t>(byte));
    if (decoder.pastEnd() > maxPastEnd + 4) break;  // cut off: no point decoding zeros
  }
  result.bytesPastEnd = decoder.pastEnd() > 4 ? decoder.pastEnd() - 4 : 0;
  result.bytesUnused = decoder.unused();
  return result;
}

namespace {
// CRC-32 one byte at a time through a 256-entry table (built at compile time): the same values as
// the bitwise definition, eight times fewer steps (a 1,000-note board is checked on every encode and decode).
constexpr std::array<std::uint32_t, 256> makeCrcTable() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t crc = i;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    table[i] = crc;
  }
  return table;
}
constexpr std::array<std::uint32_t, 256> kCrcTable = makeCrcTable();
}  // namespace

std::uint32_t crc32(std::span<const std::uint8_t> data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const std::uint8_t byte : data) crc = (crc >> 8) ^ kCrcTable[(crc ^ byte) & 0xFFu];
  return ~crc;
}

std::string_view primingText(Priming priming) { return primingTextOf(priming); }

}  // namespace mapathy::compress
