// @jupyterlab/services in a handout: there is no Jupyter server to talk to. The widget stack
// imports two names from it (rendermime fetches URLs through ServerConnection, the output
// area asks KernelMessage whether a message is an input request); both work offline here.

/** Requests to a server fail: a handout has none. */
export const ServerConnection = {
  ResponseError: class ResponseError extends Error {},
  makeSettings: () => ({ baseUrl: "", wsUrl: "" }),
  makeRequest: (url: string): Promise<never> => Promise.reject(new Error(`no Jupyter server in a handout (request for ${url})`)),
};

/** Message predicates the output area uses. */
export const KernelMessage = {
  isInputRequestMsg: (msg: { header?: { msg_type?: string } }): boolean => msg.header?.msg_type === "input_request",
};
