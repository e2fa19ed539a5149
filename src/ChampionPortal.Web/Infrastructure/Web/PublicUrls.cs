namespace ChampionPortal.Web.Infrastructure.Web;

/// <summary>
/// Absolute links for e-mails. Portal:PublicBaseUrl is used when set (it should be in production: a link built
/// from the request's Host header could be pointed elsewhere by whoever sends the request).
/// </summary>
public sealed class PublicUrls(IConfiguration configuration, IHttpContextAccessor httpContextAccessor)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = configuration["Portal:PublicBaseUrl"];
        var request = httpContextAccessor.HttpContext?.Request;
        var baseUrl = !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/')
            : request is not null ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : "http://localhost:5080";
        return baseUrl + pathAndQuery;
    }
}
