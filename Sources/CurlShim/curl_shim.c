#include "curl_shim.h"

CURLcode nv_easy_setopt_long(CURL *handle, CURLoption option, long value) { return curl_easy_setopt(handle, option, value); }
CURLcode nv_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) { return curl_easy_setopt(handle, option, value); }
CURLcode nv_easy_setopt_string(CURL *handle, CURLoption option, const char *value) { return curl_easy_setopt(handle, option, value); }
CURLcode nv_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) { return curl_easy_setopt(handle, option, value); }
CURLcode nv_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) { return curl_easy_setopt(handle, option, value); }
CURLcode nv_easy_setopt_read_function(CURL *handle, CURLoption option, curl_read_callback callback) { return curl_easy_setopt(handle, option, callback); }
CURLcode nv_easy_setopt_write_function(CURL *handle, CURLoption option, curl_write_callback callback) { return curl_easy_setopt(handle, option, callback); }
CURLcode nv_easy_getinfo_long(CURL *handle, CURLINFO info, long *out) { return curl_easy_getinfo(handle, info, out); }
CURLcode nv_easy_getinfo_double(CURL *handle, CURLINFO info, double *out) { return curl_easy_getinfo(handle, info, out); }
CURLcode nv_easy_getinfo_string(CURL *handle, CURLINFO info, const char **out) { return curl_easy_getinfo(handle, info, out); }
CURLcode nv_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **out) { return curl_easy_getinfo(handle, info, out); }
CURLMcode nv_multi_setopt_long(CURLM *multi, CURLMoption option, long value) { return curl_multi_setopt(multi, option, value); }
CURLcode nv_easy_setopt_debug_function(CURL *handle, CURLoption option, curl_debug_callback callback) { return curl_easy_setopt(handle, option, callback); }
CURLcode nv_multi_message_result(const CURLMsg *message) { return message->data.result; }
