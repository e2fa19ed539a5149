using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChampionPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CertificateIssuance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LastCertificateNumber",
                table: "Cohorts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Cohorts that already have certificates continue their numbering.
            migrationBuilder.Sql("UPDATE \"Cohorts\" SET \"LastCertificateNumber\" = (SELECT COUNT(*) FROM \"Certificates\" WHERE \"Certificates\".\"CohortId\" = \"Cohorts\".\"Id\");");

            // A PDF is compressed already: storing it out of line without another compression attempt makes each
            // issued certificate's insert several times cheaper (see bench/README.md).
            migrationBuilder.Sql("ALTER TABLE \"Certificates\" ALTER COLUMN \"Pdf\" SET STORAGE EXTERNAL;");


            migrationBuilder.CreateTable(
                name: "CertificateArtworks",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateArtworks", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "CertificateIssuances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CohortId = table.Column<int>(type: "integer", nullable: false),
                    Notify = table.Column<bool>(type: "boolean", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublicBaseUrl = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateIssuances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificateIssuances_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CertificateIssuanceItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IssuanceId = table.Column<int>(type: "integer", nullable: false),
                    RecipientKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: true),
                    ProcessedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateIssuanceItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificateIssuanceItems_CertificateIssuances_IssuanceId",
                        column: x => x.IssuanceId,
                        principalTable: "CertificateIssuances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CertificateIssuanceItems_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateIssuanceItems_CertificateId",
                table: "CertificateIssuanceItems",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateIssuanceItems_IssuanceId_Status",
                table: "CertificateIssuanceItems",
                columns: new[] { "IssuanceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateIssuanceItems_Status_Id",
                table: "CertificateIssuanceItems",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateIssuances_CohortId",
                table: "CertificateIssuances",
                column: "CohortId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Certificates\" ALTER COLUMN \"Pdf\" SET STORAGE EXTENDED;");

            migrationBuilder.DropTable(
                name: "CertificateArtworks");

            migrationBuilder.DropTable(
                name: "CertificateIssuanceItems");

            migrationBuilder.DropTable(
                name: "CertificateIssuances");

            migrationBuilder.DropColumn(
                name: "LastCertificateNumber",
                table: "Cohorts");
        }
    }
}
