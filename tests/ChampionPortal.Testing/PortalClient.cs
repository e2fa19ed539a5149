using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ChampionPortal.Testing;

/// <summary>An HTTP client that behaves like a browser session: cookies, forms with their antiforgery token, no automatic redirects.</summary>
public sealed class PortalClient : IDisposable
{
    private readonly HttpClient http;
    private readonly IBrowsingContext parser = BrowsingContext.New(Configuration.Default);

    public PortalClient(Uri baseAddress, string? acceptLanguage)
    {
        Cookies = new CookieContainer();
        http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseAddress,
        };
        if (acceptLanguage is not null)
        {
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    /// <summary>Sends a request exactly as built, for bodies no browser form would produce.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => http.SendAsync(request);

    /// <summary>Parses an answer as the page a browser would show.</summary>
    public Task<IDocument> PageAsync(HttpResponseMessage response) => ParseAsync(response);

    public async Task<(HttpResponseMessage Response, IDocument Page)> GetPageAsync(string url)
    {
        var response = await http.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>
    /// Posts the fields of the page's form (with its antiforgery token), overridden by <paramref name="values"/>; to
    /// another portal instance than the one that rendered it when <paramref name="instance"/> is given.
    /// </summary>
    public async Task<(HttpResponseMessage Response, IDocument Page)> SubmitAsync(
        IDocument page, IDictionary<string, string?> values, string formSelector = "main form[method=post]", Uri? instance = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        // A list, not a dictionary: a form may repeat a name (several selected ids), and each value is posted.
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            fields.Add(new(input.Name, input.Value));
                        }
                    }
                    else if (input.Type != "submit")
                    {
                        fields.Add(new(input.Name, input.Value));
                    }

                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }

        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : new Uri(page.Url).PathAndQuery;
        return await PostAsync(instance is null ? action : new Uri(instance, action).ToString(), fields);
    }

    public async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        var response = await http.PostAsync(url, content);
        return (response, await ParseAsync(response));
    }

    /// <summary>Uploads a file through the page's form, with the form's antiforgery token, as a browser would.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Page)> UploadAsync(IDocument page, string formSelector, string field, string fileName, byte[] content)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            body.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, field, fileName);
        var response = await http.PostAsync(form.GetAttribute("action"), body);
        return (response, await ParseAsync(response));
    }

    public async Task<(HttpResponseMessage Response, IDocument Page)> PostMultipartAsync(string url, MultipartFormDataContent body)
    {
        var response = await http.PostAsync(url, body);
        return (response, await ParseAsync(response));
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password = PortalAppFactory.TestPassword)
    {
        var (_, page) = await GetPageAsync("/account/sign-in");
        var (response, _) = await SubmitAsync(page, new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password });
        return response;
    }

    public void Dispose()
    {
        http.Dispose();
        parser.Dispose();
    }

    private async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await parser.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!.ToString()));
    }
}
