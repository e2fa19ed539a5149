using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChampionPortal.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Cohorts that already have certificates continue their numbering.
            migrationBuilder.Sql("UPDATE \"Cohorts\" SET \"LastCertificateNumber\" = (SELECT COUNT(*) FROM \"Certificates\" WHERE \"Certificates\".\"CohortId\" = \"Cohorts\".\"Id\");");


            migrationBuilder.CreateTable(
                name: "CertificateArtworks",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateArtworks", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "CertificateIssuances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: false),
                    Notify = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublicBaseUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IssuanceId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CertificateId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProcessedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
