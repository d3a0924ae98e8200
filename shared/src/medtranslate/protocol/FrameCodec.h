#pragma once

#include "medtranslate/protocol/ClientFrames.h"
#include "medtranslate/protocol/ServerFrames.h"
#include "medtranslate/protocol/Validation.h"

#include <string>
#include <string_view>
#include <variant>

//! The wire encoding of frames, kept apart from the frame types.
namespace medtranslate::protocol {

//! Why a frame was refused; becomes the `error` frame sent back.
struct FrameError
{
    ErrorCode code = ErrorCode::BadRequest;
    std::string message;
    std::string ref; //!< client_msg_id or request_id, when the frame had one
    bool operator==(const FrameError &) const = default;
};

using ClientParseResult = std::variant<ClientFrame, FrameError>;
using ServerParseResult = std::variant<ServerFrame, FrameError>;

//! Parses and validates a frame from a client: size, JSON, type, fields, ids, text length.
ClientParseResult parseClientFrame(std::string_view data, const Limits &limits = {});

//! Parses a frame from the relay (console, tests); checks shape, not policy.
ServerParseResult parseServerFrame(std::string_view data);

std::string encode(const ServerFrame &frame);
std::string encode(const ClientFrame &frame);

} // namespace medtranslate::protocol
