// Use cases that answer through a callback, told once their durable part has committed (see
// store::Database::WriteThen), so that a server sends the answer without a thread waiting for
// the commit.
#pragma once

#include <functional>
#include <future>

#include "core/status.h"

namespace casework::app {

// Told once what came of a use case: perhaps on a database writer's thread, so it must be
// quick and must not wait.
template <typename T>
using AnswerLater = std::function<void(Result<T>)>;

// Runs a use case that answers later, and waits for the answer: for callers with a thread to
// spare (the command line, tests, routes that are not hot).
template <typename T>
Result<T> WaitForAnswer(const std::function<void(AnswerLater<T>)>& use_case) {
  std::promise<Result<T>> answer;
  std::future<Result<T>> answered = answer.get_future();
  use_case([&answer](Result<T> result) { answer.set_value(std::move(result)); });
  return answered.get();
}

}  // namespace casework::app
