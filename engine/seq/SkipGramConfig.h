// The settings of a skip-gram run (seq/SkipGram.h). Plain values; the field list
// (seq/SkipGramFields.cpp) gives each one's key, range and what changing it does, as
// config/Field.h does for the playground, and drives validation.
#pragma once

#include "config/Field.h"

#include <cstdint>
#include <span>

namespace dl {

// The defaults suit the bundled corpus (resources/data/skipgram-corpus.txt, 3,384 words, 214
// distinct): a small vocabulary needs few dimensions and many passes. word2vec's defaults for
// corpora of millions of words are dimension 100, 5 epochs, learning rate 0.025, subsample 0.001.
struct SkipGramConfig {
  int window = 2;                 // context words on each side, 1..10
  int dimension = 10;             // D, 2..300
  int negatives = 5;              // k per pair, 1..20
  double learningRate = 0.05;     // SGD step at the start, (0, 1]
  bool decayLearningRate = true;  // linearly to 0.0001 × the start at the end of the last epoch (word2vec)
  int epochs = 100;               // passes over the corpus, 1..10000
  int minCount = 1;               // rarer words are dropped, 1..1000000
  double subsample = 0.0;         // t of the frequent-word subsampling: 0 (off) or in (0, 1)
  std::uint64_t seed = 1;         // initial vectors, subsampling, negatives

  // Throws ConfigError naming the field ("skipgram.window") and the bad value.
  void validate() const;
  bool operator==(const SkipGramConfig&) const = default;
};

// Keys are those of the section "skipgram". What may change during a run (SkipGramTrainer::apply):
// window, negatives, the learning rate and its decay, epochs and subsampling; dimension, minCount
// (the vocabulary) and seed need a new trainer.
std::span<const Field<SkipGramConfig>> skipGramFields();

}  // namespace dl
