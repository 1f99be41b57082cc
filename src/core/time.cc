#include "core/time.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include <date/tz.h>

namespace casework {
namespace {

const date::time_zone* London() {
  static const date::time_zone* zone = date::locate_zone("Europe/London");
  return zone;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty();
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

namespace {

// Writes n as exactly width digits ending just before end.
void PutDigits(char* end, int64_t n, int width) {
  for (int i = 1; i <= width; ++i, n /= 10) end[-i] = static_cast<char>('0' + n % 10);
}

bool FourDigitYear(Date d) { return d.ok() && int{d.year()} >= 0 && int{d.year()} <= 9999; }

// The text FormatTimestamp writes, which is how every time is stored and sent, read without
// the general parser's work for the other forms (a chronology of 10,000 events reads 20,000
// of them); nullopt for any other text, which the general parser then reads or refuses.
std::optional<Timestamp> ParseFormatted(std::string_view t) {
  static constexpr char kShape[] = "0000-00-00T00:00:00.000000Z";
  if (t.size() != sizeof kShape - 1) return std::nullopt;
  for (size_t i = 0; i < t.size(); ++i) {
    bool digit = t[i] >= '0' && t[i] <= '9';
    if (kShape[i] == '0' ? !digit : t[i] != kShape[i]) return std::nullopt;
  }
  auto number = [&](size_t from, size_t n) {
    int64_t v = 0;
    for (size_t i = from; i < from + n; ++i) v = v * 10 + (t[i] - '0');
    return v;
  };
  Date day{date::year{static_cast<int>(number(0, 4))}, date::month{static_cast<unsigned>(number(5, 2))},
           date::day{static_cast<unsigned>(number(8, 2))}};
  int64_t hours = number(11, 2), minutes = number(14, 2), seconds = number(17, 2);
  if (!day.ok() || hours > 23 || minutes > 59 || seconds > 59) return std::nullopt;
  return Timestamp{date::sys_days{day}} + std::chrono::hours{hours} + std::chrono::minutes{minutes} +
         std::chrono::seconds{seconds} + std::chrono::microseconds{number(20, 6)};
}

}  // namespace

// Written by hand rather than with date::format, whose stream set-up cost more than anything
// else when the journal is written or read in bulk. Same text: 2026-11-29T10:00:00.000000Z.
std::string FormatTimestamp(Timestamp t) { return std::string(TimestampText(t).view()); }

TimestampText::TimestampText(Timestamp t) {
  auto day = date::floor<date::days>(t);
  Date d{day};
  if (!FourDigitYear(d)) {
    std::string other = date::format("%FT%TZ", t);
    size_ = other.copy(text_, sizeof text_);
    return;
  }
  int64_t micros = (t - day).count();
  static constexpr char kShape[] = "0000-00-00T00:00:00.000000Z";
  std::copy(kShape, kShape + sizeof kShape - 1, text_);
  size_ = sizeof kShape - 1;
  PutDigits(text_ + 4, int{d.year()}, 4);
  PutDigits(text_ + 7, unsigned{d.month()}, 2);
  PutDigits(text_ + 10, unsigned{d.day()}, 2);
  PutDigits(text_ + 13, micros / 3600000000, 2);
  PutDigits(text_ + 16, micros / 60000000 % 60, 2);
  PutDigits(text_ + 19, micros / 1000000 % 60, 2);
  PutDigits(text_ + 26, micros % 1000000, 6);
}

std::string FormatDate(Date d) {
  if (!FourDigitYear(d)) return date::format("%F", d);
  char text[] = "0000-00-00";
  PutDigits(text + 4, int{d.year()}, 4);
  PutDigits(text + 7, unsigned{d.month()}, 2);
  PutDigits(text + 10, unsigned{d.day()}, 2);
  return std::string(text, sizeof text - 1);
}

Result<Date> ParseDate(std::string_view text, const std::string& field) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !AllDigits(text.substr(0, 4)) ||
      !AllDigits(text.substr(5, 2)) || !AllDigits(text.substr(8, 2))) {
    return Status::Invalid(field, "must be a date written YYYY-MM-DD");
  }
  Date d{date::year{ToInt(text.substr(0, 4))}, date::month{static_cast<unsigned>(ToInt(text.substr(5, 2)))},
         date::day{static_cast<unsigned>(ToInt(text.substr(8, 2)))}};
  if (!d.ok()) return Status::Invalid(field, "is not a real calendar date");
  return d;
}

Result<Timestamp> ParseTimestamp(std::string_view text, const std::string& field) {
  if (auto formatted = ParseFormatted(text)) return *formatted;
  const Status bad = Status::Invalid(
      field, "must be a date and time such as 2026-11-23T14:30:00Z (or with an offset like +01:00)");
  if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ')) return bad;
  Result<Date> day = ParseDate(text.substr(0, 10), field);
  if (!day.ok()) return day.status();
  std::string_view rest = text.substr(11);
  if (rest.size() < 5 || rest[2] != ':' || !AllDigits(rest.substr(0, 2)) || !AllDigits(rest.substr(3, 2))) return bad;
  int hours = ToInt(rest.substr(0, 2));
  int minutes = ToInt(rest.substr(3, 2));
  int seconds = 0;
  long micros = 0;
  rest.remove_prefix(5);
  if (!rest.empty() && rest[0] == ':') {
    if (rest.size() < 3 || !AllDigits(rest.substr(1, 2))) return bad;
    seconds = ToInt(rest.substr(1, 2));
    rest.remove_prefix(3);
    if (!rest.empty() && rest[0] == '.') {
      rest.remove_prefix(1);
      size_t n = 0;
      while (n < rest.size() && std::isdigit(static_cast<unsigned char>(rest[n]))) ++n;
      if (n == 0) return bad;
      std::string frac(rest.substr(0, n));
      frac.resize(6, '0');
      micros = ToInt(frac.substr(0, 6));
      rest.remove_prefix(n);
    }
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return Status::Invalid(field, "has an impossible time of day");
  auto local = date::local_days{*day} + std::chrono::hours{hours} + std::chrono::minutes{minutes} +
               std::chrono::seconds{seconds} + std::chrono::microseconds{micros};
  if (rest.empty()) {
    if (London()->get_info(date::floor<std::chrono::seconds>(local)).result == date::local_info::nonexistent) {
      return Status::Invalid(field, "names a London time that does not exist (the clocks went forward)");
    }
    return Timestamp{London()->to_sys(local, date::choose::earliest).time_since_epoch()};
  }
  Timestamp as_utc{local.time_since_epoch()};
  if (rest == "Z" || rest == "z") return as_utc;
  if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' && AllDigits(rest.substr(1, 2)) &&
      AllDigits(rest.substr(4, 2))) {
    auto offset = std::chrono::hours{ToInt(rest.substr(1, 2))} + std::chrono::minutes{ToInt(rest.substr(4, 2))};
    if (offset > std::chrono::hours{14}) return bad;
    return rest[0] == '+' ? as_utc - offset : as_utc + offset;
  }
  return bad;
}

Date LondonDate(Timestamp t) {
  auto local = London()->to_local(t);
  return Date{date::floor<date::days>(local)};
}

std::string FormatLondonDateTime(Timestamp t) {
  return date::format("%Y-%m-%d %H:%M", date::floor<std::chrono::minutes>(London()->to_local(t)));
}

Timestamp LondonMidnight(Date d) {
  auto sys = London()->to_sys(date::local_days{d}, date::choose::earliest);
  return Timestamp{std::chrono::duration_cast<std::chrono::microseconds>(sys.time_since_epoch())};
}

int AgeInYears(Date birth, Date on) {
  int years = static_cast<int>(on.year()) - static_cast<int>(birth.year());
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) --years;
  return years;
}

}  // namespace casework
