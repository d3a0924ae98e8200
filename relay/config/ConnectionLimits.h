#pragma once

#include <QtGlobal>

namespace medtranslate::relay {

//! What the connection guard enforces on every connection before Qt HttpServer parses it.
struct ConnectionLimits
{
    int maxHeaderBytes = 16 * 1024; //!< request line and headers of one request
    int maxBodyBytes = 64 * 1024;   //!< refused from Content-Length, before it is read
    //! The same for file uploads: the largest attachment and room for a multipart envelope.
    qint64 maxUploadBytes = 10 * 1024 * 1024 + 64 * 1024;
    int headerTimeoutMs = 10000; //!< a new connection's (and each request's) headers
    //! A body, from the end of its headers; a large one gets the same again for every 64 KiB
    //! that arrives, so a slow phone can upload a photo but a stalled body is cut off.
    int bodyTimeoutMs = 30000;
    int idleTimeoutMs = 60000;  //!< a kept-alive connection between requests
    int maxConnections = 19500; //!< in total, HTTP and WebSocket; 0: no limit
    int maxPerAddress = 256;    //!< from one client address; 0: no limit
};

} // namespace medtranslate::relay
