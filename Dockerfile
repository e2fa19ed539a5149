# Champion Portal: multi-stage build. The build stage needs the .NET SDK and Node.js (npm restores Bootstrap and
# the fonts from package-lock.json); the runtime stage has only the ASP.NET Core runtime.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props package.json package-lock.json ./
COPY src/ChampionPortal.Web/ChampionPortal.Web.csproj src/ChampionPortal.Web/FrontEnd.targets src/ChampionPortal.Web/
RUN dotnet restore src/ChampionPortal.Web/ChampionPortal.Web.csproj
COPY . .
RUN dotnet publish src/ChampionPortal.Web/ChampionPortal.Web.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Postgres
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "ChampionPortal.Web.dll"]
