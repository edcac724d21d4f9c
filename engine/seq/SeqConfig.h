// The sequence lab's configuration: the task (data/SequenceTasks.h), the layer stack (recurrent
// layers and a head, any registered layers: nn/Layer.h), and how it is trained — with gradient
// clipping, which the notes on exploding gradients are about, and the cells to compare in lockstep.
// Plain values; io/SeqIo.h maps them to and from JSON ("lab": "sequence"); the field lists
// (seq/SeqFields.cpp) drive reading, writing and validation as config/Field.h does elsewhere.
#pragma once

#include "config/Config.h"
#include "config/Field.h"
#include "nn/Layer.h"
#include "seq/SkipGramConfig.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace dl {

struct SeqTaskConfig {
  // "adding", "recall", "parity", "motif", "sine" (generated); "chars" (a character model on a text);
  // "series" (next value of a CSV column) — all trained by the layer stack. "reverse", "sort": an
  // encoder-decoder (seq/Seq2Seq.h) on digit sequences of `length`, set up by the section
  // "seq2seq". "words": skip-gram word vectors (seq/SkipGram.h) on a text, set up by "skipgram".
  std::string kind = "adding";
  int length = 50;        // T: steps per sequence
  int trainCount = 4000;  // generated tasks: sequences for training, validation and test
  int validationCount = 500;
  int testCount = 500;
  int symbols = 8;  // recall, motif: how many symbols
  // motif: the training and validation sequences hold the motif only in the first half of the
  // positions, the test sequences only in the second half — positions training never showed it at.
  // false: anywhere in all three parts.
  bool heldOutPositions = false;
  int components = 1;  // sine: 1 sine, or a sum of several
  double noise = 0.0;  // sine: Gaussian noise on the inputs
  // chars: a UTF-8 text file; empty: the program's own notes, in Chinese and English (the app
  // supplies them). words: a text file; empty: the corpus bundled with dlplay. series: a CSV file
  // and the column ("" = the last one).
  std::string file;
  std::string column;
  int vocabulary = 256;  // chars: at most this many characters keep their own id
  int stride = 0;        // chars: a window starts every `stride` characters (0: every length/2)
  std::uint64_t seed = 1;
  bool operator==(const SeqTaskConfig&) const = default;
};

struct SeqTrainingConfig {
  int batchSize = 32;
  long long steps = 1000;  // what a headless run trains
  int evalEvery = 100;     // validation every this many steps
  std::uint64_t seed = 1;
  // Gradient clipping, before the optimiser step (Pascanu, Mikolov & Bengio 2013): rescale the
  // whole gradient when its global L2 norm exceeds clipNorm (keeps its direction), or clamp each
  // component to ±clipValue (does not). 0: off.
  double clipNorm = 0;
  double clipValue = 0;
  // Cells compared in lockstep: the same configuration trained once per name, with every
  // recurrent layer's kind replaced by it ("rnn", "lstm", "gru"); empty: the stack as written.
  std::vector<std::string> cells;
  bool operator==(const SeqTrainingConfig&) const = default;
};

// The encoder-decoder of the tasks "reverse" and "sort" (seq/Seq2SeqTrainer.h); the sequence
// length, batch, steps, seed, clipping and optimiser are the file's task and training settings.
struct Seq2SeqSettings {
  int digits = 10;                // tokens 0 .. digits − 1
  int hidden = 24;                // H of the encoder and decoder GRUs
  int embedding = 16;             // D
  std::string attention = "dot";  // "none", "dot" (Luong), "additive" (Bahdanau)
  bool bidirectional = true;      // the encoder reads the source both ways
  int evalSize = 256;             // held-out sequences decoded by an evaluation
  bool operator==(const Seq2SeqSettings&) const = default;
};

struct SeqConfig {
  std::string name;
  std::string description;
  SeqTaskConfig task;
  std::vector<LayerSpec> layers;
  InitConfig init{.scheme = "xavier_uniform"};
  OptimizerConfig optimizer{.name = "adam", .learningRate = 0.001};
  ScheduleConfig schedule;
  SeqTrainingConfig training;
  Seq2SeqSettings seq2seq;  // tasks "reverse", "sort"
  SkipGramConfig skipgram;  // task "words"

  // Whether the task is trained by an encoder-decoder, by skip-gram, or else by the layer stack.
  bool isSeq2Seq() const { return task.kind == "reverse" || task.kind == "sort"; }
  bool isWords() const { return task.kind == "words"; }

  // Every field that does not need the data: ConfigError naming it ("task.kind", "training.clipNorm",
  // "layers[1].kind", "training.cells[0]"…). The stack's fit to the task is checked by the trainer.
  void validate() const;
};

std::span<const Field<SeqTaskConfig>> seqTaskFields();
std::span<const Field<SeqTrainingConfig>> seqTrainingFields();
std::span<const Field<Seq2SeqSettings>> seq2seqFields();
const std::vector<std::string>& seqTaskKinds();
struct Seq2SeqConfig;
// The encoder-decoder's configuration (seq/Seq2SeqTrainer.h) of a "reverse" or "sort" file.
Seq2SeqConfig seq2seqConfigOf(const SeqConfig& c);
const std::vector<std::string>& recurrentKinds();  // "rnn", "lstm", "gru"

}  // namespace dl
