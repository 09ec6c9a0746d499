#ifndef NHACVIEC_CURL_SHIM_H
#define NHACVIEC_CURL_SHIM_H
// Typed, non-variadic wrappers for libcurl's variadic setopt/getinfo calls,
// which Swift cannot call directly.
#include <curl/curl.h>

CURLcode nv_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode nv_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode nv_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode nv_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode nv_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode nv_easy_setopt_read_function(CURL *handle, CURLoption option, curl_read_callback callback);
CURLcode nv_easy_setopt_write_function(CURL *handle, CURLoption option, curl_write_callback callback);
CURLcode nv_easy_getinfo_long(CURL *handle, CURLINFO info, long *out);
CURLcode nv_easy_getinfo_double(CURL *handle, CURLINFO info, double *out);
CURLcode nv_easy_getinfo_string(CURL *handle, CURLINFO info, const char **out);
CURLcode nv_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **out);
CURLMcode nv_multi_setopt_long(CURLM *multi, CURLMoption option, long value);
CURLcode nv_easy_setopt_debug_function(CURL *handle, CURLoption option, curl_debug_callback callback);
/// The CURLcode of a CURLMSG_DONE message (the C union is awkward from Swift).
CURLcode nv_multi_message_result(const CURLMsg *message);

#endif
